package slipway.core.rule;

import java.util.Set;

/** An integer or serial primary key: it can run out at 2^31. */
public final class PreferBigintPrimaryKey extends StyleRule {
  static final RuleInfo INFO = new RuleInfo("prefer-bigint-primary-key",
      "32-bit primary key can run out", Severity.INFO, PgVersions.ALL,
      "An integer or serial key stops at 2,147,483,647; changing it to bigint later rewrites the table and "
          + "every table that references it. bigint costs 4 more bytes per row.",
      "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);");
  private static final Set<String> SMALL = Set.of("int", "integer", "int4", "serial", "serial4", "smallint",
      "int2", "smallserial", "serial2");

  @Override public RuleInfo info() { return INFO; }

  @Override String[] judge(ColumnDef col) {
    if (!SMALL.contains(col.baseType()) || !(col.has("PRIMARY", "KEY") || col.columnName().equals("id"))) return null;
    String to = col.baseType().contains("serial") ? "bigserial" : "bigint";
    return new String[] {"\"" + col.columnName() + "\" is a 32-bit " + col.baseType() + " key; it can run out",
        to};
  }
}
