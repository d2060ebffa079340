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

  /**
   * The earlier statement of this migration that added the column to the table without a default (nor
   * identity, generated or serial), when nothing between it and this statement writes to the table (an
   * UPDATE, INSERT, COPY or DO block could fill it): null otherwise.
   */
  static Statement addedEmptyBefore(Context c, AlterTable at, String column) {
    String table = Context.name(at.table()).key();
    for (int i = c.index() - 1; i >= 0; i--) {
      Statement earlier = c.migration().get(i);
      var syntax = earlier.syntax();
      if (syntax instanceof slipway.core.sql.syntax.Update u && sameTable(u.table(), table)
          || syntax instanceof slipway.core.sql.syntax.Insert || syntax instanceof slipway.core.sql.syntax.Copy
          || syntax instanceof slipway.core.sql.syntax.DoBlock) {
        return null;
      }
      AlterTable before = TableSyntax.alterTable(earlier);
      if (before == null || !sameTable(before.table(), table)) continue;
      for (AlterTableAction b : before.actions()) {
        if (b instanceof AlterTableAction.AddColumn add && add.definition().name().equals(column)) {
          var d = add.definition();
          boolean empty = d.defaultValue() == null && d.identity() == null && d.generated() == null && !d.isSerial();
          return empty && !add.ifNotExists() ? earlier : null;
        }
      }
    }
    return null;
  }

  private static boolean sameTable(slipway.core.sql.syntax.QualifiedName n, String key) {
    return n != null && Context.name(n).key().equals(key);
  }

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
      Statement added = addedEmptyBefore(c, at, column);
      if (added != null) {
        // Every existing row holds NULL there: the scan does not just block, it fails.
        out.add(Finding.of(INFO, s.inFile(a.span()), "fails unless \"" + at.table() + "\" is empty: \"" + column
                + "\" was added at line " + added.span().line() + " without a default, so every existing row holds NULL "
                + "in it (and the failed scan held reads and writes until it reached one)")
            .instead("-- give the column a value when it is added (instant from PostgreSQL 11 with a constant):\n"
                + "ALTER TABLE " + t + " ADD COLUMN " + colRaw + " <type> NOT NULL DEFAULT <value>;\n"
                + "-- or backfill it in batches first, then:\n" + recipe + ";"));
        continue;
      }
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
