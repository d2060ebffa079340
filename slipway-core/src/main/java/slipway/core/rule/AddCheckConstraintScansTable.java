package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;

/** A CHECK constraint added to an existing table without NOT VALID. */
public final class AddCheckConstraintScansTable implements Rule {
  static final RuleInfo INFO = new RuleInfo("add-check-constraint-scans-table",
      "CHECK constraint scans the table with reads and writes blocked", Severity.ERROR, PgVersions.ALL,
      "ADD CONSTRAINT … CHECK holds an ACCESS EXCLUSIVE lock while it reads every row: reads and writes wait "
          + "for the whole scan. Added NOT VALID it is instant and enforced for new rows; VALIDATE CONSTRAINT "
          + "checks the old rows later under a SHARE UPDATE EXCLUSIVE lock that blocks neither.",
      "ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;\n"
          + "ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;  -- separate transaction");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    AlterTable at = AlterTable.of(c.statement());
    if (at == null || !c.existing(at.table())) return out;
    Statement s = c.statement();
    for (AlterTable.Action a : at.actions()) {
      AddConstraint ac = AddConstraint.of(a);
      if (ac == null || !ac.kindWord().equals("CHECK") || ac.notValid()) continue;
      String t = at.table().raw();
      String cname = ac.name() != null ? ac.name().raw() : Names.constraint(at.table().simple(), "check", "new");
      String addText = ac.name() != null ? ac.notValidText()
          : "ADD CONSTRAINT " + cname + " " + s.textOf(a.from() + 1, a.to()) + " NOT VALID";
      String recipe = "ALTER TABLE " + t + " " + addText + ";\nALTER TABLE " + t + " VALIDATE CONSTRAINT " + cname;
      Finding f = Finding.of(INFO, a.span(), "reads and writes on \"" + at.table() + "\" wait while every row is "
          + "checked; the scan grows with the table").instead(recipe + ";  -- VALIDATE in a separate transaction");
      if (at.actions().size() == 1 && !c.inTransaction()) {
        f = f.withFix(Fix.replace("add the CHECK NOT VALID, then VALIDATE", s.span().offset(), s.span().length(),
            recipe));
      }
      out.add(f);
    }
    return out;
  }
}
