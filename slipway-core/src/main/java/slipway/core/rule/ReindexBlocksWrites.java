package slipway.core.rule;

import java.util.List;
import slipway.core.catalog.Catalog;
import slipway.core.sql.syntax.QualifiedName;
import slipway.core.sql.syntax.Reindex;

/** REINDEX without CONCURRENTLY (PostgreSQL 12+ has it). */
public final class ReindexBlocksWrites implements Rule {
  static final RuleInfo INFO = new RuleInfo("reindex-blocks-writes",
      "REINDEX blocks writes, and reads that use the index", Severity.ERROR, PgVersions.from(12),
      "REINDEX takes a SHARE lock on the table (writes wait) and an ACCESS EXCLUSIVE lock on the index "
          + "(queries that would use it wait) for the whole rebuild. REINDEX CONCURRENTLY does not block.",
      "REINDEX INDEX CONCURRENTLY orders_customer_idx;  -- outside a transaction");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (!(c.syntax() instanceof Reindex r) || r.concurrently()) return List.of();
    // The claim is the lock model's: SHARE on the table (writes wait) and ACCESS EXCLUSIVE on the index.
    if (!(c.hasFact("reindex-index") || c.hasFact("reindex-table") || c.hasFact("reindex-schema-or-database"))) {
      return List.of();
    }
    Statement s = c.statement();
    QualifiedName target = r.name();
    if (target != null && r.target().equals("TABLE") && !c.existing(target)) return List.of();
    if (target != null && r.target().equals("INDEX")) {
      Catalog.Index idx = c.index(target);
      Catalog.Relation table = idx == null ? null : c.catalog().relation(idx.table);
      if (table != null && c.catalog().isNewInThisMigration(table.name)) return List.of();
    }
    Finding f = Finding.of(INFO, s.span(), "writes to the table" + (target == null ? "s" : " of \"" + target + "\"")
        + " wait for the whole rebuild, and so do reads that use the index")
        .instead(s.insertAfter(r.keyword(), " CONCURRENTLY") + ";  -- outside a transaction");
    if (!c.inTransaction() && !r.target().equals("SYSTEM")) {
      f = f.withFix(Fix.of("rebuild CONCURRENTLY", new Fix.Edit(s.inFile(r.keyword()).end(), 0, " CONCURRENTLY")));
    }
    return List.of(f);
  }
}
