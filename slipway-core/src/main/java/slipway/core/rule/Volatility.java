package slipway.core.rule;

import java.util.Set;

/**
 * Which default expressions PostgreSQL must evaluate per row. Since PostgreSQL 11 a non-volatile default
 * is stored once in the catalog (no rewrite); a volatile one (random(), gen_random_uuid(), clock_timestamp(),
 * nextval()) is evaluated for every existing row, which rewrites the table. now() and CURRENT_TIMESTAMP are
 * STABLE, so they do not rewrite (see "ALTER TABLE … ADD COLUMN" notes in the PostgreSQL docs).
 */
final class Volatility {
  static final Set<String> VOLATILE = Set.of("RANDOM", "GEN_RANDOM_UUID", "UUID_GENERATE_V1", "UUID_GENERATE_V1MC",
      "UUID_GENERATE_V4", "UUIDV4", "UUIDV7", "UUID_GENERATE_V7", "CLOCK_TIMESTAMP", "TIMEOFDAY", "NEXTVAL",
      "SETSEED", "RANDOM_NORMAL", "GEN_RANDOM_BYTES", "TXID_CURRENT", "PG_CURRENT_XACT_ID");

  private Volatility() {}

  /** The first volatile function called in tokens [from, to), or null. */
  static String volatileCall(Statement s, int from, int to) {
    for (int i = from; i < to - 1; i++) {
      Token t = s.token(i);
      if (t.kind() == Token.Kind.WORD && VOLATILE.contains(t.upper()) && s.token(i + 1).isSymbol("(")) {
        return t.text().toLowerCase() + "()";
      }
    }
    return null;
  }
}
