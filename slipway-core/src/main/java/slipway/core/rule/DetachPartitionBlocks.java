package slipway.core.rule;

import java.util.List;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;

/** DETACH PARTITION without CONCURRENTLY (PostgreSQL 14+). */
public final class DetachPartitionBlocks implements Rule {
  static final RuleInfo INFO = new RuleInfo("detach-partition-blocks-parent",
      "DETACH PARTITION blocks reads and writes of the whole partitioned table", Severity.WARNING,
      PgVersions.from(14),
      "DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the parent: every query on any partition waits, "
          + "and queues behind long queries. From PostgreSQL 14, DETACH PARTITION … CONCURRENTLY does not block.",
      "ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;  -- outside a transaction");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    AlterTable at = TableSyntax.alterTable(c);
    if (at == null || !c.existing(at.table())) return List.of();
    Statement s = c.statement();
    for (AlterTableAction a : at.actions()) {
      if (!(a instanceof AlterTableAction.DetachPartition detach) || detach.concurrently() || detach.finalizeDetach()) {
        continue;
      }
      // That queries on the parent wait is the lock model's verdict (its lock on the parent blocks reads).
      if (!TableSyntax.facts(c, at, a).blocksReads()) continue;
      Finding f = Finding.of(INFO, s.inFile(a.span()), "queries on every partition of \"" + at.table() + "\" wait for "
              + "the detach")
          .instead(s.text() + " CONCURRENTLY;  -- outside a transaction");
      if (!c.inTransaction() && at.actions().size() == 1) {
        f = f.withFix(Fix.of("detach CONCURRENTLY", new Fix.Edit(s.span().end(), 0, " CONCURRENTLY")));
      }
      return List.of(f);
    }
    return List.of();
  }
}
