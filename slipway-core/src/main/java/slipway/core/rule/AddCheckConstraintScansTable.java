package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.lock.StatementFacts;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.Constraint;

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
    AlterTable at = TableSyntax.alterTable(c);
    if (at == null || !c.existing(at.table())) return out;
    Statement s = c.statement();
    for (AlterTableAction a : at.actions()) {
      if (!(a instanceof AlterTableAction.AddConstraint add)) continue;
      Constraint k = add.constraint();
      if (k.kind() != Constraint.ConstraintKind.CHECK || k.notValid()) continue;
      // Whether every row is read under the lock is the lock model's verdict for this action.
      StatementFacts facts = TableSyntax.facts(c, at, a);
      if (!facts.scan() || !facts.blocksReads()) continue;
      String t = TableSyntax.table(s, at);
      String cname = k.name() != null ? s.textOf(k.nameSpan()) : Names.constraint(at.table().name(), "check", "new");
      String addText = k.name() != null ? s.textOf(a.span()) + " NOT VALID"
          : "ADD CONSTRAINT " + cname + " " + s.textOf(k.span()) + " NOT VALID";
      String recipe = "ALTER TABLE " + t + " " + addText + ";\nALTER TABLE " + t + " VALIDATE CONSTRAINT " + cname;
      Finding f = Finding.of(INFO, s.inFile(a.span()), "reads and writes on \"" + at.table() + "\" wait while every "
          + "row is checked; the scan grows with the table").instead(recipe + ";  -- VALIDATE in a separate transaction");
      if (at.actions().size() == 1 && !c.inTransaction()) {
        f = f.withFix(Fix.replace("add the CHECK NOT VALID, then VALIDATE", s.span().offset(), s.span().length(),
            recipe));
      }
      out.add(f);
    }
    return out;
  }
}
