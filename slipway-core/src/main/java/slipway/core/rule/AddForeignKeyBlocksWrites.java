package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.lock.StatementFacts;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.ColumnDef;
import slipway.core.sql.syntax.Constraint;

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

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    AlterTable at = TableSyntax.alterTable(c);
    if (at == null || !c.existing(at.table())) return out;
    Statement s = c.statement();
    String t = TableSyntax.table(s, at);
    for (AlterTableAction a : at.actions()) {
      if (a instanceof AlterTableAction.AddColumn add) {
        // ADD COLUMN … REFERENCES adds the key in the same statement, under ADD COLUMN's lock.
        ColumnDef d = add.definition();
        Constraint k = TableSyntax.constraint(d, Constraint.ConstraintKind.FOREIGN_KEY);
        if (k == null) continue;
        StatementFacts facts = TableSyntax.facts(c, at, a);
        // A new column without a default holds only NULLs: the key checks nothing and the statement is
        // instant (proven on the server, RuleRecipesServerTest); its lock queue is lock-timeout-missing's.
        if (!facts.blocksWrites() || !facts.scan()) continue;
        String col = TableSyntax.name(s, d);
        String cname = k.name() != null ? s.textOf(k.nameSpan()) : Names.constraint(at.table().name(), d.name(), "fkey");
        String target = k.referencedTable().toString();
        // That existing rows are checked (a scan) is the lock model's verdict, not this rule's.
        out.add(Finding.of(INFO, s.inFile(a.span()), "reads and writes on \"" + at.table() + "\" wait while the new "
                + "foreign key is checked against every row, and writes to \"" + target + "\" wait too")
            .instead("ALTER TABLE " + t + " ADD COLUMN " + col + " " + TableSyntax.type(s, d.typeSpan())
                + (d.defaultValue() == null ? "" : " DEFAULT " + d.defaultValue().text()) + ";\n"
                + "ALTER TABLE " + t + " ADD CONSTRAINT " + cname + " FOREIGN KEY (" + col + ") "
                + s.textOf(k.referencesSpan()) + " NOT VALID;\n"
                + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + cname + ";  -- separate transaction"));
        continue;
      }
      if (!(a instanceof AlterTableAction.AddConstraint add)) continue;
      Constraint k = add.constraint();
      if (k.kind() != Constraint.ConstraintKind.FOREIGN_KEY || k.notValid()) continue;
      // That every existing row is checked while writes wait is the lock model's verdict for this action.
      StatementFacts facts = TableSyntax.facts(c, at, a);
      if (!facts.scan() || !facts.blocksWrites()) continue;
      String cname = k.name() != null ? s.textOf(k.nameSpan()) : Names.constraint(at.table().name(), "fkey", "new");
      String addText = k.name() != null ? s.textOf(a.span()) + " NOT VALID"
          : "ADD CONSTRAINT " + cname + " " + s.textOf(k.span()) + " NOT VALID";
      String recipe = "ALTER TABLE " + t + " " + addText + ";\nALTER TABLE " + t + " VALIDATE CONSTRAINT " + cname;
      Finding f = Finding.of(INFO, s.inFile(a.span()), "writes to \"" + at.table() + "\" and \"" + k.referencedTable()
              + "\" wait while every existing row is checked; the check grows with the table")
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
