package slipway.core.rule;

import java.util.List;
import slipway.core.catalog.Catalog;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.QualifiedName;
import slipway.core.sql.syntax.Reindex;

/** REINDEX without CONCURRENTLY (PostgreSQL 12+ has it), and ALTER INDEX … SET TABLESPACE to another tablespace. */
public final class ReindexBlocksWrites implements Rule {
  static final RuleInfo INFO = new RuleInfo("reindex-blocks-writes",
      "REINDEX blocks writes, and reads that use the index", Severity.ERROR, PgVersions.from(12),
      "REINDEX takes a SHARE lock on the table (writes wait) and an ACCESS EXCLUSIVE lock on the index "
          + "(queries that would use it wait) for the whole rebuild. REINDEX CONCURRENTLY does not block. "
          + "Moving an index to another tablespace copies it under the same ACCESS EXCLUSIVE lock; from "
          + "PostgreSQL 14 REINDEX (TABLESPACE …) … CONCURRENTLY moves it without blocking.",
      "REINDEX INDEX CONCURRENTLY orders_customer_idx;  -- outside a transaction");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (c.syntax() instanceof AlterTable at && at.objectType().equals("INDEX")) return moved(c, at);
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

  /**
   * ALTER INDEX … SET TABLESPACE to a tablespace other than pg_default: the index's files are copied under
   * the ACCESS EXCLUSIVE lock the lock model names (alter-index-set-tablespace), and every query that plans
   * on the table opens its indexes, so reads and writes of the table wait for the copy
   * (TablespaceMoveServerTest proves the copy and the wait).
   */
  private static List<Finding> moved(Context c, AlterTable at) {
    if (!c.hasFact("alter-index-set-tablespace")) return List.of();
    for (AlterTableAction a : at.actions()) {
      if (!(a instanceof AlterTableAction.SetTablespace move) || move.tablespace().equals("pg_default")) continue;
      Catalog.Index idx = c.index(at.table());
      Catalog.Relation table = idx == null ? null : c.catalog().relation(idx.table);
      if (table != null && c.catalog().isNewInThisMigration(table.name)) return List.of();
      Statement s = c.statement();
      String index = s.textOf(at.tableSpan());
      String ts = move.tablespace();
      String who = table == null ? "the table of \"" + at.table() + "\"" : "\"" + table.name.display() + "\"";
      String instead = c.pgVersion() >= 14
          ? "REINDEX (TABLESPACE " + SqlText.ident(ts) + ") INDEX CONCURRENTLY " + index + ";  -- outside a transaction"
          : "-- build a copy in the new tablespace without blocking, then swap (outside a transaction):\n"
              + "-- CREATE INDEX CONCURRENTLY <name>_new ON <table> (<its columns>) TABLESPACE " + SqlText.ident(ts) + ";\n"
              + "DROP INDEX CONCURRENTLY " + index + ";\n"
              + "-- ALTER INDEX <name>_new RENAME TO <name>;";
      return List.of(Finding.of(INFO, s.inFile(a.span()), "reads and writes of " + who + " wait while the index is "
          + "copied to tablespace \"" + ts + "\" (ACCESS EXCLUSIVE on the index, which every query on the table "
          + "opens); the copy grows with the index").instead(instead));
    }
    return List.of();
  }
}
