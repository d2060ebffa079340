package slipway.core.rule;

import java.util.List;
import slipway.core.sql.syntax.CreateIndex;
import slipway.core.sql.syntax.DoBlock;
import slipway.core.sql.syntax.QualifiedName;

/** A migration that changes the schema of existing tables and also rewrites their data. */
public final class MixedSchemaAndData implements Rule {
  static final RuleInfo INFO = new RuleInfo("mixed-schema-and-data",
      "Schema change and data change in one migration", Severity.WARNING, PgVersions.ALL,
      "In one transaction the schema change's lock (often ACCESS EXCLUSIVE) is held until the data change "
          + "finishes, so a backfill that takes minutes blocks every query for minutes. Even without a "
          + "transaction, a slow backfill cannot be retried or paused on its own. Keep schema changes and "
          + "backfills in separate migrations.",
      "-- V7__add_region.sql\nALTER TABLE orders ADD COLUMN region text;\n"
          + "-- V8__backfill_region.sql (or slipway backfill), batched\n"
          + "UPDATE orders SET region = 'us-east-1' WHERE id IN (SELECT id FROM orders WHERE region IS NULL LIMIT 5000);");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    Statement s = c.statement();
    if (!dataChange(s, c)) return List.of();
    // Report once per file: only on the first data change.
    for (int i = 0; i < c.index(); i++) {
      if (dataChange(c.migration().get(i), c)) return List.of();
    }
    Statement ddl = null;
    for (Statement p : c.migration()) {
      if (p == s) continue;
      if (schemaChangeOnExisting(p, c)) { ddl = p; break; }
    }
    if (ddl == null) return List.of();
    String held = c.inTransaction() ? "; in one transaction the lock taken at line " + ddl.span().line()
        + " is held until this data change finishes" : "";
    return List.of(Finding.of(INFO, s.span(), "this migration also changes the schema (line " + ddl.span().line()
            + ")" + held + ": move the data change to a migration of its own")
        .instead("-- keep line " + ddl.span().line() + " here; move this statement to the next migration, batched"));
  }

  /**
   * An unbounded UPDATE/DELETE of an existing table, or a DO block whose body runs an UPDATE or DELETE
   * (read from the syntax tree).
   */
  private static boolean dataChange(Statement p, Context c) {
    slipway.core.sql.syntax.Statement syntax = p.syntax();
    if (syntax instanceof DoBlock block) return BatchLoopWithoutCommit.writesRows(block);
    QualifiedName table = UnbatchedDataChange.changed(syntax);
    return table != null && c.existing(table) && !UnbatchedDataChange.bounded(UnbatchedDataChange.where(syntax));
  }

  private static boolean schemaChangeOnExisting(Statement p, Context c) {
    slipway.core.sql.syntax.AlterTable at = TableSyntax.alterTable(p);
    if (at != null) {
      return c.existing(at.table())
          && at.actions().stream().noneMatch(a -> a instanceof slipway.core.sql.syntax.AlterTableAction.ValidateConstraint);
    }
    if (p.syntax() instanceof CreateIndex ci) return !ci.concurrently() && c.existing(ci.table());
    return false;
  }
}
