package slipway.core.rule;

import java.util.List;

/** The first statement of a file that needs a strong lock on an existing table, with no lock_timeout set before. */
public final class LockTimeoutMissing implements Rule {
  static final RuleInfo INFO = new RuleInfo("lock-timeout-missing",
      "No lock_timeout before a statement that needs a strong lock", Severity.INFO, PgVersions.ALL,
      "Even an instant ALTER TABLE must wait for its ACCESS EXCLUSIVE lock behind every running query, and "
          + "while it waits every new query on the table queues behind it. A short lock_timeout makes it give "
          + "up (and retry) instead. Slipway's own runner sets it; other runners need it in the file.",
      "SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN region text;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    Statement s = c.statement();
    if (!strong(s, c)) return List.of();
    for (int i = 0; i < c.index(); i++) {
      Statement p = c.migration().get(i);
      if (p.normalized().contains("LOCK_TIMEOUT")) return List.of();
      if (strong(p, c)) return List.of(); // reported on the first one only
    }
    return List.of(Finding.of(INFO, s.span(), "no lock_timeout is set: while this waits for its lock, every query "
        + "on the table queues behind it").instead("SET lock_timeout = '2s';  -- before this statement"));
  }

  private static boolean strong(Statement s, Context c) {
    AlterTable at = AlterTable.of(s);
    // VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE, which does not block reads or writes.
    if (at != null) return c.existing(at.table()) && at.actions().stream().anyMatch(a -> !a.is("VALIDATE"));
    if (s.startsWith("DROP", "INDEX") && !s.matches(2, "CONCURRENTLY")) return true;
    if (s.startsWith("DROP", "TABLE") || s.startsWith("TRUNCATE")) return true;
    CreateIndex ci = CreateIndex.of(s);
    return ci != null && !ci.concurrently() && c.existing(ci.table());
  }
}
