package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;

/** A foreign key added to an existing table without NOT VALID. */
public final class AddForeignKeyBlocksWrites implements Rule {
  static final RuleInfo INFO = new RuleInfo("add-foreign-key-blocks-writes",
      "Foreign key validation blocks writes on both tables", Severity.ERROR, PgVersions.ALL,
      "Adding a foreign key takes a SHARE ROW EXCLUSIVE lock on the table and on the table it references, "
          + "and checks every existing row while holding them: writes to both tables wait for the whole scan. "
          + "Added NOT VALID it only checks new rows; VALIDATE CONSTRAINT later checks the old ones under a "
          + "lock that lets reads and writes continue.",
      "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n"
          + "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;  -- separate transaction");

  @Override public RuleInfo info() { return INFO; }

  /** End of {@code REFERENCES t [(cols)] [ON DELETE …] [ON UPDATE …]} inside a column definition. */
  private static int refEnd(Statement s, int ref, int to) {
    int i = ref + 1;
    Statement.Name n = s.nameAt(i);
    if (n != null) i = n.end();
    if (s.token(i) != null && s.token(i).isSymbol("(")) i = s.closeParen(i);
    while (i < to && (s.matches(i, "ON") || s.matches(i, "MATCH") || s.matches(i, "DEFERRABLE")
        || s.matches(i, "INITIALLY") || s.matches(i, "NOT", "DEFERRABLE"))) {
      if (s.matches(i, "ON")) i += s.matches(i + 2, "SET") || s.matches(i + 2, "NO") ? 4 : 3;
      else if (s.matches(i, "DEFERRABLE")) i += 1;
      else i += 2;
    }
    return Math.min(i, to);
  }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    AlterTable at = AlterTable.of(c.statement());
    if (at == null || !c.existing(at.table())) return out;
    Statement s = c.statement();
    for (AlterTable.Action a : at.actions()) {
      AddConstraint ac = AddConstraint.of(a);
      int added = a.addedColumn();
      if (added >= 0 && a.has("REFERENCES")) {
        // ADD COLUMN … REFERENCES validates the key in the same statement, under ADD COLUMN's lock.
        int ref = a.find("REFERENCES");
        Statement.Name target = s.nameAt(ref + 1);
        String col = s.token(added).text();
        int typeEnd = added + 1;
        while (typeEnd < a.to() && !Context.endsColumnType(s.token(typeEnd))) typeEnd++;
        String cname = Names.constraint(at.table().simple(), s.token(added).name(), "fkey");
        String t = at.table().raw();
        out.add(Finding.of(INFO, a.span(), "reads and writes on \"" + at.table() + "\" wait while the new foreign "
                + "key is checked against every row" + (target == null ? "" : ", and writes to \"" + target + "\" wait too"))
            .instead("ALTER TABLE " + t + " ADD COLUMN " + col + " " + s.textOf(added + 1, typeEnd) + ";\n"
                + "ALTER TABLE " + t + " ADD CONSTRAINT " + cname + " FOREIGN KEY (" + col + ") "
                + s.textOf(ref, refEnd(s, ref, a.to())) + " NOT VALID;\n"
                + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + cname + ";  -- separate transaction"));
        continue;
      }
      if (ac == null || !ac.kindWord().equals("FOREIGN") || ac.notValid()) continue;
      int ref = a.find("REFERENCES");
      Statement.Name target = ref < 0 ? null : s.nameAt(ref + 1);
      String t = at.table().raw();
      String cname = ac.name() != null ? ac.name().raw() : Names.constraint(at.table().simple(), "fkey", "new");
      String addText = ac.name() != null ? ac.notValidText()
          : "ADD CONSTRAINT " + cname + " " + a.s().textOf(a.from() + 1, a.to()) + " NOT VALID";
      String recipe = "ALTER TABLE " + t + " " + addText + ";\nALTER TABLE " + t + " VALIDATE CONSTRAINT " + cname;
      Finding f = Finding.of(INFO, a.span(), "writes to \"" + at.table() + "\""
              + (target == null ? "" : " and \"" + target + "\"") + " wait while every existing row is checked; "
              + "the check grows with the table")
          .instead(recipe + ";  -- VALIDATE in a separate transaction");
      if (at.actions().size() == 1 && !c.inTransaction()) {
        f = f.withFix(Fix.replace("add the foreign key NOT VALID, then VALIDATE", s.span().offset(),
            s.span().length(), recipe));
      }
      out.add(f);
    }
    return out;
  }
}
