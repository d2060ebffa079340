package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;

/** ALTER COLUMN … SET NOT NULL on an existing table without a validated CHECK (col IS NOT NULL). */
public final class SetNotNullScansTable implements Rule {
  static final RuleInfo INFO = new RuleInfo("set-not-null-scans-table",
      "SET NOT NULL scans the table with reads and writes blocked", Severity.ERROR, PgVersions.ALL,
      "SET NOT NULL holds an ACCESS EXCLUSIVE lock while it reads every row to check for NULLs: reads and "
          + "writes wait for the whole scan. From PostgreSQL 12 a validated CHECK (col IS NOT NULL) lets it "
          + "skip the scan, and that CHECK can be validated without blocking.",
      "ALTER TABLE orders ADD CONSTRAINT orders_region_not_null CHECK (region IS NOT NULL) NOT VALID;\n"
          + "ALTER TABLE orders VALIDATE CONSTRAINT orders_region_not_null;\n"
          + "ALTER TABLE orders ALTER COLUMN region SET NOT NULL;\n"
          + "ALTER TABLE orders DROP CONSTRAINT orders_region_not_null;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    AlterTable at = TableSyntax.alterTable(c);
    if (at == null || !c.existing(at.table())) return out;
    Statement s = c.statement();
    String t = TableSyntax.table(s, at);
    for (AlterTableAction a : at.actions()) {
      if (!(a instanceof AlterTableAction.SetNotNull set)) continue;
      // Whether it scans is the lock model's verdict (already NOT NULL, or a validated CHECK proves it: no scan).
      if (!TableSyntax.facts(c, at, a).facts().contains("alter-table-set-not-null")) continue;
      String column = set.column();
      String colRaw = s.textOf(set.columnSpan());
      String cname = Names.constraint(at.table().name(), column, "not_null");
      String recipe = "ALTER TABLE " + t + " ADD CONSTRAINT " + cname + " CHECK (" + colRaw + " IS NOT NULL) NOT VALID;\n"
          + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + cname + ";\n"
          + "ALTER TABLE " + t + " ALTER COLUMN " + colRaw + " SET NOT NULL;\n"
          + "ALTER TABLE " + t + " DROP CONSTRAINT " + cname;
      Finding f = Finding.of(INFO, s.inFile(a.span()), "reads and writes on \"" + at.table() + "\" wait while every "
          + "row is checked for NULLs in \"" + column + "\"; the scan grows with the table").instead(recipe + ";");
      if (c.pgVersion() >= 12 && at.actions().size() == 1 && !c.inTransaction()) {
        f = f.withFix(Fix.replace("validate a CHECK first, then SET NOT NULL without a scan",
            s.span().offset(), s.span().length(), recipe));
      }
      out.add(f);
    }
    return out;
  }
}
