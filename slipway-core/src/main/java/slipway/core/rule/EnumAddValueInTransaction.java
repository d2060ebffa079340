package slipway.core.rule;

import java.util.List;
import slipway.core.sql.TokenKind;
import slipway.core.sql.Transactions;
import slipway.core.sql.syntax.AlterType;
import slipway.core.sql.syntax.TransactionControl;

/** ALTER TYPE … ADD VALUE inside a transaction before PostgreSQL 12. */
public final class EnumAddValueInTransaction implements Rule {
  static final RuleInfo INFO = new RuleInfo("enum-add-value-in-transaction",
      "ALTER TYPE … ADD VALUE fails in a transaction (before 12) or when the value is used in it", Severity.ERROR,
      PgVersions.ALL,
      "Before PostgreSQL 12, ALTER TYPE … ADD VALUE cannot run inside a transaction block "
          + "(ERROR: ALTER TYPE … ADD cannot run inside a transaction block). From 12 it can, but the new value "
          + "cannot be used until that transaction commits (ERROR: unsafe use of new value): either way the "
          + "deploy fails.",
      "-- a migration of its own, run outside a transaction:\nALTER TYPE order_status ADD VALUE 'refunded';");

  @Override public RuleInfo info() { return INFO; }

  /** True when a string literal of the statement is the label (compared decoded: 'a''b', E'…', U&'…'). */
  private static boolean usesLabel(Statement s, String label) {
    if (label == null) return false;
    for (slipway.core.sql.Token t : s.source().tokens()) {
      if (t.kind() == TokenKind.STRING && label.equals(t.value())) return true;
    }
    return false;
  }

  private static String literal(String label) {
    return "'" + label.replace("'", "''") + "'";
  }

  @Override public List<Finding> check(Context c) {
    Statement s = c.statement();
    if (!c.inTransaction() || !(c.syntax() instanceof AlterType at) || !at.action().equals("ADD_VALUE")) {
      return List.of();
    }
    // May it run in a block, and is the new label usable before COMMIT: the core predicates over the tree.
    if (!Transactions.mayRunInTransactionBlock(at, c.pgVersion())) {
      return List.of(Finding.of(INFO, s.span(), "fails on PostgreSQL " + c.pgVersion()
          + ": ADD VALUE cannot run inside a transaction block"));
    }
    if (!Transactions.usableOnlyAfterCommit(at, c.pgVersion())) return List.of();
    // Used later in the same transaction: an explicit BEGIN … COMMIT, or the runner's whole file.
    for (int i = c.index() + 1; i < c.migration().size(); i++) {
      Statement later = c.migration().get(i);
      if (!c.runnerWrapsInTransaction() && later.syntax() instanceof TransactionControl tc
          && tc.action().equals("COMMIT")) break;
      if (usesLabel(later, at.value())) {
        return List.of(Finding.of(INFO, later.span(), "fails: the new value " + literal(at.value()) + " of \""
                + at.type() + "\" (line " + s.span().line() + ") is used before its transaction commits")
            .instead("-- commit ALTER TYPE … ADD VALUE first (a migration of its own), then use the value"));
      }
    }
    return List.of();
  }
}
