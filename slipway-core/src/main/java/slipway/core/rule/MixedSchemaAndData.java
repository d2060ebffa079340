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
    boolean before = ddl.span().offset() < s.span().offset();
    String held = !c.inTransaction() ? ""
        : before ? "; in one transaction the lock taken at line " + ddl.span().line()
            + " is held until this data change finishes"
        : "; in one transaction the rows this changes stay locked until the schema change at line "
            + ddl.span().line() + " has waited for its lock and finished";
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
      return existingAt(at.table(), p, c)
          && at.actions().stream().noneMatch(a -> a instanceof slipway.core.sql.syntax.AlterTableAction.ValidateConstraint);
    }
    if (p.syntax() instanceof CreateIndex ci) return !ci.concurrently() && existingAt(ci.table(), p, c);
    return false;
  }

  /**
   * Whether a table exists with data when statement {@code p} runs: the schema before the data change says
   * so, and no statement of this migration before {@code p} creates it (the schema does not know yet about a
   * table created after the data change).
   */
  private static boolean existingAt(QualifiedName table, Statement p, Context c) {
    if (!c.existing(table)) return false;
    String key = Context.name(table).key();
    for (Statement q : c.migration()) {
      if (q == p) break;
      if (q.syntax() instanceof slipway.core.sql.syntax.CreateTable ct && ct.objectName() != null
          && Context.name(ct.objectName()).key().equals(key)) return false;
    }
    return true;
  }
}
