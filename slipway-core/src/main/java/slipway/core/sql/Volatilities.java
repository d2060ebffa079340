package slipway.core.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import slipway.core.sql.syntax.Expression;
import slipway.core.sql.syntax.Volatility;

/**
 * Classifies expressions by the volatility of the functions they call, from pg_proc.provolatile of
 * the built-in functions (and uuid-ossp's and pgcrypto's) migrations use in DEFAULTs. A function not listed
 * is treated as VOLATILE here, which is what CREATE FUNCTION makes a function unless told otherwise. The
 * one table of volatilities Slipway has: the lock model reads which functions are surely volatile from it,
 * and VolatilitiesMatchServerTest checks it against pg_proc on every major.
 */
public final class Volatilities {
  private Volatilities() {}

  /**
   * The volatility of a function called by {@code name} (folded; a schema before a dot is ignored): VOLATILE
   * when it is not a built-in Slipway knows, as CREATE FUNCTION makes it unless told otherwise.
   */
  public static Volatility of(String name) {
    String simple = name.substring(name.lastIndexOf('.') + 1);
    if (STABLE_KEYWORDS.contains(simple)) return Volatility.STABLE;
    Volatility known = KNOWN.get(simple);
    return known == null ? Volatility.VOLATILE : known;
  }

  /** The volatility listed for a function name (folded, without schema), or null when it is not listed. */
  public static Volatility known(String name) {
    return KNOWN.get(name);
  }

  /** Every listed name with its volatility (for the test that checks them on the server). */
  public static Map<String, Volatility> table() {
    return Map.copyOf(KNOWN);
  }

  static final Map<String, Volatility> KNOWN = new HashMap<>();

  private static void put(Volatility v, String... names) {
    for (String n : names) KNOWN.put(n, v);
  }

  static {
    put(Volatility.VOLATILE, "nextval", "currval", "lastval", "setval", "random", "random_normal",
        "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7",
        "clock_timestamp", "timeofday", "gen_random_bytes", "gen_salt", "pg_sleep");
    // txid_current and pg_current_xact_id are STABLE: one value per transaction, so a DEFAULT calling them
    // is evaluated once by ADD COLUMN (no rewrite).
    put(Volatility.STABLE, "now", "transaction_timestamp", "statement_timestamp", "current_setting",
        "txid_current", "pg_current_xact_id",
        "to_char", "to_timestamp", "to_date", "age", "current_database", "current_schema", "current_schemas",
        "pg_backend_pid", "concat", "concat_ws", "format", "date_trunc", "date_part", "extract",
        "to_json", "to_jsonb", "json_build_object", "jsonb_build_object", "json_build_array",
        "jsonb_build_array", "row_to_json", "array_to_json", "inet_client_addr", "has_table_privilege",
        "obj_description", "col_description", "pg_get_serial_sequence", "to_regclass", "timezone",
        "current_user", "session_user", "user", "current_role", "current_catalog", "system_user",
        "current_timestamp", "current_date", "current_time", "localtime", "localtimestamp");
    put(Volatility.CONSTANT, "abs", "ceil", "ceiling", "floor", "round", "trunc", "mod", "power", "sqrt", "exp",
        "ln", "log", "sign", "greatest", "least", "coalesce", "nullif", "lower", "upper", "length",
        "char_length", "octet_length", "substr", "substring", "replace", "trim", "btrim", "ltrim", "rtrim",
        "lpad", "rpad", "left", "right", "repeat", "reverse", "split_part", "strpos", "position", "md5",
        "sha224", "sha256", "sha384", "sha512", "encode", "decode", "chr", "ascii", "initcap", "array_length",
        "cardinality", "array_append", "array_prepend", "array_cat", "array_fill", "string_to_array",
        "array_to_string", "jsonb_set", "jsonb_strip_nulls", "json_typeof", "jsonb_typeof", "uuid_nil",
        "int4range", "int8range", "numrange", "daterange", "tsrange", "tstzrange", "make_date", "make_interval",
        "make_time", "to_tsvector", "to_number", "quote_ident", "quote_literal", "translate", "regexp_replace",
        "bit_length", "cast", "row", "array", "point", "box", "circle", "polygon", "int4", "int8",
        "text", "bool", "numeric", "float8", "to_hex", "width_bucket", "isfinite", "uuid_extract_timestamp", "uuid_generate_v3", "uuid_generate_v5",
        "uuid_ns_url", "uuid_ns_dns", "uuid_ns_oid", "uuid_ns_x500", "crypt", "digest", "hmac");
  }

  /** Words that take parentheses but are syntax, not function calls. */
  static final Set<String> NOT_FUNCTIONS = Set.of("in", "exists", "any", "all", "some", "values", "select",
      "from", "where", "and", "or", "not", "then", "else", "when", "case", "over", "filter", "within", "as",
      "on", "using", "is", "like", "ilike", "between", "distinct", "by", "with", "join", "interval", "numeric",
      "varchar", "char", "character", "decimal", "timestamp", "time", "bit", "float", "varying", "precision",
      "lateral", "into", "set", "returning", "limit", "offset", "group", "having", "order", "union", "except",
      "intersect", "key", "references", "check", "unique", "default", "if", "return", "do", "of", "to");

  /** Key words that are stable function calls without parentheses. */
  static final Set<String> STABLE_KEYWORDS = Set.of("current_timestamp", "current_date", "current_time",
      "localtime", "localtimestamp", "current_user", "session_user", "user", "current_role", "current_catalog",
      "current_schema", "system_user");

  static Expression classify(Parser.Cursor c, int from, int to) {
    Volatility v = Volatility.CONSTANT;
    List<String> functions = new ArrayList<>(0);
    for (int k = from; k < to; k++) {
      Token t = c.tokens.get(k);
      if (t.kind() != TokenKind.IDENT && t.kind() != TokenKind.QUOTED_IDENT) continue;
      Token prev = k > 0 ? c.tokens.get(k - 1) : null;
      Token next = k + 1 < c.tokens.size() ? c.tokens.get(k + 1) : null;
      boolean call = next != null && next.isSymbol("(") && k + 1 < to;
      if (prev != null && (prev.isSymbol("::") || prev.is("as") && !call)) continue;
      if (prev != null && prev.isSymbol(".") && k - 2 >= from && call) {
        // schema-qualified call: reported with its schema below when the first part is seen
      }
      if (call) {
        if (t.kind() == TokenKind.IDENT && NOT_FUNCTIONS.contains(t.value())) continue;
        if (prev != null && (prev.isSymbol("::") || prev.is("as"))) continue;
        String name = t.value();
        String qualified = name;
        if (prev != null && prev.isSymbol(".") && k >= 2) {
          Token schema = c.tokens.get(k - 2);
          qualified = schema.value() + "." + name;
        }
        functions.add(qualified);
        Volatility known = KNOWN.get(name);
        v = v.max(known == null ? Volatility.VOLATILE : known);
      } else if (t.kind() == TokenKind.IDENT && STABLE_KEYWORDS.contains(t.value())
          && (prev == null || !prev.isSymbol("."))
          && (next == null || !next.isSymbol("."))) {
        functions.add(t.value());
        v = v.max(Volatility.STABLE);
      }
    }
    String text = c.text(from, to);
    return new Expression(c.span(from, to), text, v, functions);
  }
}
