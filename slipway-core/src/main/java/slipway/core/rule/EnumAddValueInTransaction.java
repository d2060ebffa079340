package slipway.core.rule;

import java.util.List;

/** ALTER TYPE … ADD VALUE inside a transaction before PostgreSQL 12. */
public final class EnumAddValueInTransaction implements Rule {
  static final RuleInfo INFO = new RuleInfo("enum-add-value-in-transaction",
      "ALTER TYPE … ADD VALUE in a transaction fails before PostgreSQL 12", Severity.ERROR, PgVersions.upTo(11),
      "Before PostgreSQL 12, ALTER TYPE … ADD VALUE cannot run inside a transaction block "
          + "(ERROR: ALTER TYPE … ADD cannot run inside a transaction block): the deploy fails.",
      "-- a migration of its own, run outside a transaction:\nALTER TYPE order_status ADD VALUE 'refunded';");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    Statement s = c.statement();
    if (!c.inTransaction() || !s.startsWith("ALTER", "TYPE") || s.find(2, "ADD", "VALUE") < 0) return List.of();
    return List.of(Finding.of(INFO, s.span(), "fails on PostgreSQL " + c.pgVersion()
        + ": ADD VALUE cannot run inside a transaction block"));
  }
}
