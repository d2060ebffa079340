package slipway.core.rule;

import java.util.List;

/** BEGIN/COMMIT in a file the runner already wraps in a transaction. */
public final class TransactionNesting implements Rule {
  static final RuleInfo INFO = new RuleInfo("transaction-nesting",
      "BEGIN/COMMIT inside the runner's transaction", Severity.WARNING, PgVersions.ALL,
      "When the migration runner wraps the file in a transaction, BEGIN only warns, and COMMIT ends the "
          + "runner's transaction early: the statements after it run outside any transaction, and a failure "
          + "leaves the migration half applied and not recorded.",
      "-- remove BEGIN/COMMIT and let the runner's transaction cover the file");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    Statement s = c.statement();
    if (!c.runnerWrapsInTransaction()) return List.of();
    boolean begin = s.startsWith("BEGIN") && (s.size() == 1 || s.matches(1, "TRANSACTION") || s.matches(1, "WORK")
        || s.matches(1, "ISOLATION")) || s.startsWith("START", "TRANSACTION");
    boolean commit = s.startsWith("COMMIT") && !s.matches(1, "PREPARED");
    if (!begin && !commit) return List.of();
    return List.of(Finding.of(INFO, s.span(), (begin ? "BEGIN" : "COMMIT") + " inside the runner's transaction"
        + (commit ? ": it commits early, and what follows runs outside a transaction" : " has no effect")));
  }
}
