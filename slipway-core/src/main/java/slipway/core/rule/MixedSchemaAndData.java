package slipway.core.rule;

import java.util.List;

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
    DataChange d = DataChange.of(s);
    boolean dataBlock = PlpgsqlBody.writesRows(PlpgsqlBody.of(s));
    if (d == null && !dataBlock) return List.of();
    if (d != null && (!c.existing(d.table()) || d.bounded())) return List.of();
    // Report once per file: only on the first data change.
    for (int i = 0; i < c.index(); i++) {
      Statement p = c.migration().get(i);
      DataChange pd = DataChange.of(p);
      if (pd != null && !pd.bounded() && c.existing(pd.table()) || PlpgsqlBody.writesRows(PlpgsqlBody.of(p))) return List.of();
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

  private static boolean schemaChangeOnExisting(Statement p, Context c) {
    AlterTable at = AlterTable.of(p);
    if (at != null) return c.existing(at.table()) && !p.contains("VALIDATE", "CONSTRAINT");
    CreateIndex ci = CreateIndex.of(p);
    if (ci != null) return !ci.concurrently() && c.existing(ci.table());
    return false;
  }
}
