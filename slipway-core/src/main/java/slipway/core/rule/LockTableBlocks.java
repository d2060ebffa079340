package slipway.core.rule;

import java.util.List;
import slipway.core.lock.StatementFacts;
import slipway.core.sql.syntax.LockTable;

/** An explicit LOCK TABLE in a mode that blocks reads or writes of an existing table. */
public final class LockTableBlocks implements Rule {
  static final RuleInfo INFO = new RuleInfo("lock-table-blocks-queries",
      "LOCK TABLE blocks queries for the rest of the transaction", Severity.WARNING, PgVersions.ALL,
      "LOCK TABLE holds its lock until the transaction ends; in ACCESS EXCLUSIVE mode (the default) reads "
          + "and writes wait, in SHARE or stronger modes writes wait, for everything that follows in the migration.",
      "-- lock only what one short statement needs, or let that statement take its own lock;\n"
          + "SET lock_timeout = '2s';");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (!(c.syntax() instanceof LockTable lt) || lt.tables().stream().noneMatch(c::existing)) return List.of();
    // What waits is the lock model's: the mode it holds and whether that conflicts with reads or writes.
    StatementFacts facts = c.facts();
    if (!c.hasFact("lock-table") || !facts.blocksWrites()) return List.of();
    String blocked = facts.blocksReads() ? "reads and writes" : "writes";
    return List.of(Finding.of(INFO, c.statement().span(), blocked + " on " + lt.tables() + " wait until this "
        + "transaction ends (" + lt.mode() + ")"));
  }
}
