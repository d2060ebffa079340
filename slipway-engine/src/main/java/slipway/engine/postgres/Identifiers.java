package slipway.engine.postgres;

/**
 * The one place identifiers and literals are quoted for SQL that Slipway builds itself.
 * Every table, column, schema or index name that reaches SQL goes through {@link #quote}; every
 * user string that must appear as a value goes through {@link #literal} (or a bind parameter).
 */
public final class Identifiers {
  private Identifiers() {}

  /** {@code orders} → {@code "orders"}, {@code a"b} → {@code "a""b"}: always quoted, case kept. */
  public static String quote(String identifier) {
    if (identifier == null || identifier.isEmpty()) {
      throw new IllegalArgumentException("an identifier cannot be empty");
    }
    if (identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("an identifier cannot contain a NUL character");
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** A schema-qualified name, each part quoted: {@code "public"."orders"}. */
  public static String qualified(String schema, String name) {
    return schema == null || schema.isEmpty() ? quote(name) : quote(schema) + "." + quote(name);
  }

  /** A string literal safe under standard_conforming_strings on or off: {@code E'it''s'}. */
  public static String literal(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a string value cannot contain a NUL character");
    }
    return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
