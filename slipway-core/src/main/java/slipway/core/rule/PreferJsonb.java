package slipway.core.rule;

/** json columns: no equality operator, no indexes. */
public final class PreferJsonb extends StyleRule {
  static final RuleInfo INFO = new RuleInfo("prefer-jsonb",
      "json instead of jsonb", Severity.INFO, PgVersions.ALL,
      "json has no equality operator, so SELECT DISTINCT, UNION and GROUP BY over a json column fail, and it "
          + "cannot be indexed; jsonb can.",
      "ALTER TABLE events ADD COLUMN payload jsonb;");

  @Override public RuleInfo info() { return INFO; }

  @Override String[] judge(Column col) {
    if (!col.type().name().equals("json")) return null;
    return new String[] {"\"" + col.name() + "\" is json: DISTINCT and indexes do not work on it",
        "jsonb" + arraySuffix(col.type())};
  }
}
