package slipway.core.rule;

import java.util.List;

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
    AlterTable at = AlterTable.of(c.statement());
    if (at == null || !c.existing(at.table())) return List.of();
    Statement s = c.statement();
    for (AlterTable.Action a : at.actions()) {
      if (!a.is("DETACH", "PARTITION") || a.has("CONCURRENTLY") || a.has("FINALIZE")) continue;
      Finding f = Finding.of(INFO, a.span(), "queries on every partition of \"" + at.table() + "\" wait for the detach")
          .instead(s.text() + " CONCURRENTLY;  -- outside a transaction");
      if (!c.inTransaction() && at.actions().size() == 1) {
        f = f.withFix(Fix.of("detach CONCURRENTLY", new Fix.Edit(s.span().end(), 0, " CONCURRENTLY")));
      }
      return List.of(f);
    }
    return List.of();
  }
}
