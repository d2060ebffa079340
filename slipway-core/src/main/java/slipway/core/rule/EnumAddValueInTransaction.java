package slipway.core.rule;

import java.util.List;

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

  @Override public List<Finding> check(Context c) {
    Statement s = c.statement();
    if (!c.inTransaction() || !s.startsWith("ALTER", "TYPE") || s.find(2, "ADD", "VALUE") < 0) return List.of();
    if (c.pgVersion() < 12) {
      return List.of(Finding.of(INFO, s.span(), "fails on PostgreSQL " + c.pgVersion()
          + ": ADD VALUE cannot run inside a transaction block"));
    }
    int v = s.find(2, "ADD", "VALUE") + 2;
    if (s.matches(v, "IF", "NOT", "EXISTS")) v += 3;
    Token value = s.token(v);
    if (value == null || value.kind() != Token.Kind.STRING) return List.of();
    // Used later in the same transaction: an explicit BEGIN … COMMIT, or the runner's whole file.
    for (int i = c.index() + 1; i < c.migration().size(); i++) {
      Statement later = c.migration().get(i);
      if (!c.runnerWrapsInTransaction() && (later.startsWith("COMMIT") || later.startsWith("END"))) break;
      for (Token t : later.tokens()) {
        if (t.kind() == Token.Kind.STRING && t.text().equals(value.text())) {
          return List.of(Finding.of(INFO, later.span(), "fails: the new value " + value.text() + " of \""
                  + s.nameAt(2) + "\" (line " + s.span().line() + ") is used before its transaction commits")
              .instead("-- commit ALTER TYPE … ADD VALUE first (a migration of its own), then use the value"));
        }
      }
    }
    return List.of();
  }
}
