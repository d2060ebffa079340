package slipway.core.rule;

import java.util.List;
import slipway.core.sql.syntax.Delete;
import slipway.core.sql.syntax.DoBlock;
import slipway.core.sql.syntax.TransactionControl;
import slipway.core.sql.syntax.Update;

/** A DO block that loops over batches of UPDATE/DELETE without COMMIT between them. */
public final class BatchLoopWithoutCommit implements Rule {
  static final RuleInfo INFO = new RuleInfo("batch-loop-without-commit",
      "Batch loop in a DO block runs as one transaction", Severity.WARNING, PgVersions.ALL,
      "A DO block is one transaction unless it COMMITs: a loop of small UPDATE/DELETE batches inside it keeps "
          + "every row it touched locked until the loop ends, exactly like one big statement. COMMIT inside "
          + "DO works from PostgreSQL 11, and only when the DO block is not itself inside a transaction.",
      "DO $$\nDECLARE n int;\nBEGIN\n  LOOP\n    UPDATE orders SET region = 'us-east-1'\n"
          + "    WHERE id IN (SELECT id FROM orders WHERE region IS NULL LIMIT 5000 FOR UPDATE SKIP LOCKED);\n"
          + "    GET DIAGNOSTICS n = ROW_COUNT;\n    EXIT WHEN n = 0;\n    COMMIT;  -- releases this batch's row locks\n"
          + "    PERFORM pg_sleep(0.1);\n  END LOOP;\nEND $$;  -- outside a transaction; or: slipway backfill");

  @Override public RuleInfo info() { return INFO; }

  /** True when the block's body runs an UPDATE or a DELETE (read by the parser, not dynamic EXECUTE strings). */
  static boolean writesRows(DoBlock block) {
    return block.statements().stream().anyMatch(st -> st instanceof Update || st instanceof Delete);
  }

  @Override public List<Finding> check(Context c) {
    if (!(c.syntax() instanceof DoBlock block) || !block.loops() || !writesRows(block)) return List.of();
    Statement s = c.statement();
    boolean commits = block.statements().stream()
        .anyMatch(st -> st instanceof TransactionControl tc && tc.action().equals("COMMIT"));
    if (commits && c.inTransaction()) {
      return List.of(Finding.of(INFO, s.span(), "COMMIT inside this DO block fails (invalid transaction termination): "
          + (c.runnerWrapsInTransaction() ? "the migration runner wraps the file in a transaction"
              : "the block runs inside BEGIN … COMMIT"))
          .instead("-- run this block in a migration executed outside a transaction, or use slipway backfill"));
    }
    if (commits) return List.of();
    // The row locks are the lock model's reading of the block: it runs UPDATE/DELETE (ROW EXCLUSIVE).
    if (!c.hasFact("update") && !c.hasFact("update-all-rows") && !c.hasFact("delete")) return List.of();
    return List.of(Finding.of(INFO, s.span(), "the loop's batches run as one transaction: every row they touch "
            + "stays locked until the whole loop ends")
        .instead("-- add COMMIT after each batch inside the loop (PostgreSQL 11+, outside a transaction),\n"
            + "-- or run the backfill with slipway backfill"));
  }
}
