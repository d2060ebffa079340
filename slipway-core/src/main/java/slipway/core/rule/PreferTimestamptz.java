package slipway.core.rule;

/** timestamp without time zone. */
public final class PreferTimestamptz extends StyleRule {
  static final RuleInfo INFO = new RuleInfo("prefer-timestamptz",
      "timestamp without time zone", Severity.INFO, PgVersions.ALL,
      "timestamp stores wall-clock time without a zone, so values written by servers or sessions in different "
          + "time zones do not compare; timestamptz stores an instant and costs the same.",
      "CREATE TABLE events (at timestamptz NOT NULL);");

  @Override public RuleInfo info() { return INFO; }

  @Override String[] judge(Column col) {
    if (!col.type().name().equals("timestamp without time zone")) return null;
    return new String[] {"\"" + col.name() + "\" is timestamp without time zone", "timestamptz" + arraySuffix(col.type())};
  }
}
