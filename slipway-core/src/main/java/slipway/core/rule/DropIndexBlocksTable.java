package slipway.core.rule;

import java.util.List;
import slipway.core.catalog.Catalog;
import slipway.core.sql.syntax.Drop;
import slipway.core.sql.syntax.QualifiedName;

/** DROP INDEX without CONCURRENTLY on an index of an existing table. */
public final class DropIndexBlocksTable implements Rule {
  static final RuleInfo INFO = new RuleInfo("drop-index-blocks-table",
      "DROP INDEX waits for an exclusive lock on the table", Severity.INFO, PgVersions.ALL,
      "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table. The drop itself is instant, but while it waits "
          + "behind a long query every other query on the table queues behind it. DROP INDEX CONCURRENTLY "
          + "waits without blocking anyone.",
      "DROP INDEX CONCURRENTLY orders_customer_idx;  -- outside a transaction");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (!(c.syntax() instanceof Drop d) || !d.objectType().equals("INDEX") || d.concurrently()) return List.of();
    // The claim is the lock model's: DROP INDEX takes ACCESS EXCLUSIVE, which queues reads behind it.
    if (!c.hasFact("drop-index") || !c.facts().blocksReads()) return List.of();
    Statement s = c.statement();
    for (QualifiedName n : d.names()) {
      Catalog.Index idx = c.index(n);
      Catalog.Relation table = idx == null ? null : c.catalog().relation(idx.table);
      if (table != null && c.catalog().isNewInThisMigration(table.name)) return List.of();
      if (table != null && table.kind == Catalog.Kind.PARTITIONED_TABLE) {
        return List.of(); // CONCURRENTLY is not supported on a partitioned index
      }
    }
    Finding f = Finding.of(INFO, s.span(), "queries on the table queue behind this DROP while it waits for its lock")
        .instead("DROP INDEX CONCURRENTLY " + s.textAfter(d.objectTypeSpan()) + ";  -- outside a transaction");
    if (!c.inTransaction() && d.names().size() == 1 && !"CASCADE".equals(d.behavior())) {
      f = f.withFix(Fix.of("drop CONCURRENTLY", new Fix.Edit(s.inFile(d.objectTypeSpan()).end(), 0, " CONCURRENTLY")));
    }
    return List.of(f);
  }
}
