package slipway.core.rule;

/** varchar(n) or char(n): a length limit that needs a migration to raise, or blank-padded strings. */
public final class PreferText extends StyleRule {
  static final RuleInfo INFO = new RuleInfo("prefer-text",
      "varchar(n)/char(n) instead of text", Severity.INFO, PgVersions.ALL,
      "In PostgreSQL varchar(n) is text with a length check: it is no faster, and raising the limit later is a "
          + "migration (lowering it rewrites the table). char(n) pads with blanks. text with a CHECK on length "
          + "can be changed without a rewrite.",
      "CREATE TABLE users (email text CHECK (length(email) <= 320));");

  @Override public RuleInfo info() { return INFO; }

  @Override String[] judge(Column col) {
    String name = col.type().name();
    boolean limited = name.equals("character varying") && !col.type().modifiers().isEmpty() || name.equals("character");
    if (!limited) return null;
    return new String[] {"\"" + col.name() + "\" is " + col.written() + "; text (with a CHECK if needed) "
        + "is as fast and easier to change", "text" + arraySuffix(col.type())};
  }
}
