package slipway.core.rule;

import java.util.Set;

/** An integer or serial primary key: it can run out at 2^31. */
public final class PreferBigintPrimaryKey extends StyleRule {
  static final RuleInfo INFO = new RuleInfo("prefer-bigint-primary-key",
      "32-bit primary key can run out", Severity.INFO, PgVersions.ALL,
      "An integer or serial key stops at 2,147,483,647; changing it to bigint later rewrites the table and "
          + "every table that references it. bigint costs 4 more bytes per row.",
      "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);");
  /** PostgreSQL's names for the 16- and 32-bit integer types (int, int4, serial4, int2 … are written forms). */
  private static final Set<String> SMALL = Set.of("integer", "smallint", "serial", "smallserial");

  @Override public RuleInfo info() { return INFO; }

  @Override String[] judge(Column col) {
    if (!SMALL.contains(col.type().name()) || col.type().isArray() || !(col.primaryKey() || col.name().equals("id"))) {
      return null;
    }
    String to = col.type().name().contains("serial") ? "bigserial" : "bigint";
    return new String[] {"\"" + col.name() + "\" is a 32-bit " + col.base() + " key; it can run out", to};
  }
}
