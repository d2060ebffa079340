package slipway.core.rule;

import java.util.List;

/**
 * The playbook's 30-second rule, when production sizes are known ({@code lint --stats} or {@code --url}):
 * {@link Estimate} reports a statement that keeps others waiting longer than 30 s when no error already
 * says so (an unbatched UPDATE, an index dropped or built on a big table).
 */
public final class LockExceedsThirtySeconds implements Rule {
  static final RuleInfo INFO = new RuleInfo("lock-exceeds-30-seconds",
      "Blocks others for more than 30 seconds at production size", Severity.ERROR, PgVersions.ALL,
      "With the production sizes, this statement keeps other sessions waiting for more than 30 seconds. "
          + "The playbook's 30-second rule: above 30 s a change needs expand/contract, above 5 minutes "
          + "batched execution, above 30 minutes a maintenance plan.",
      "UPDATE orders SET region = 'us-east-1'\n"
          + "WHERE id IN (SELECT id FROM orders WHERE region IS NULL LIMIT 5000 FOR UPDATE SKIP LOCKED);\n"
          + "-- repeated, one transaction per batch (slipway backfill)");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context context) { return List.of(); }
}
