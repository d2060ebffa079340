package slipway.core.rule;

import java.util.List;

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
    Statement s = c.statement();
    if (!s.startsWith("LOCK")) return List.of();
    int in = s.find(1, "IN");
    String mode = in < 0 ? "ACCESS EXCLUSIVE" : s.textOf(in + 1, s.find(in, "MODE") < 0 ? s.size() : s.find(in, "MODE")).toUpperCase();
    boolean blocksWrites = mode.startsWith("SHARE") && !mode.startsWith("SHARE UPDATE") || mode.startsWith("EXCLUSIVE")
        || mode.startsWith("ACCESS EXCLUSIVE");
    if (!blocksWrites) return List.of();
    int i = s.matches(1, "TABLE") ? 2 : 1;
    if (s.matches(i, "ONLY")) i++;
    List<Statement.Name> names = Names.list(s, i);
    if (names.stream().noneMatch(c::existing)) return List.of();
    String blocked = mode.startsWith("ACCESS EXCLUSIVE") ? "reads and writes" : "writes";
    return List.of(Finding.of(INFO, s.span(), blocked + " on " + names + " wait until this transaction ends ("
        + mode + ")"));
  }
}
