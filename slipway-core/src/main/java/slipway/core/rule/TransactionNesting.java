package slipway.core.rule;

import java.util.List;
import slipway.core.sql.syntax.TransactionControl;

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
    if (!c.runnerWrapsInTransaction() || !(c.syntax() instanceof TransactionControl tc)) return List.of();
    boolean begin = tc.action().equals("BEGIN");
    boolean commit = tc.action().equals("COMMIT");
    if (!begin && !commit) return List.of();
    return List.of(Finding.of(INFO, s.span(), (begin ? "BEGIN" : "COMMIT") + " inside the runner's transaction"
        + (commit ? ": it commits early, and what follows runs outside a transaction" : " has no effect")));
  }
}
