package slipway.core.rule;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which column type changes PostgreSQL makes without rewriting or scanning the table (binary-coercible
 * changes, see "ALTER TABLE … SET DATA TYPE" in the docs): varchar widening, varchar to text, text to
 * unbounded varchar, numeric precision increase with the same scale, cidr to inet, widening bit varying.
 */
final class ColumnTypes {
  private static final Pattern TYPE = Pattern.compile("([a-z_ ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");

  private ColumnTypes() {}

  record Parsed(String base, Integer length, Integer scale) {}

  static Parsed parse(String type) {
    String t = type.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    int dot = t.lastIndexOf("pg_catalog.");
    if (dot >= 0) t = t.substring(dot + "pg_catalog.".length());
    Matcher m = TYPE.matcher(t);
    if (!m.matches()) return new Parsed(t, null, null);
    String base = canonical(m.group(1).trim());
    return new Parsed(base, m.group(2) == null ? null : Integer.valueOf(m.group(2)),
        m.group(3) == null ? null : Integer.valueOf(m.group(3)));
  }

  static String canonical(String base) {
    return switch (base) {
      case "character varying" -> "varchar";
      case "int", "int4" -> "integer";
      case "int8" -> "bigint";
      case "int2" -> "smallint";
      case "decimal" -> "numeric";
      case "bool" -> "boolean";
      case "bit varying" -> "varbit";
      case "timestamp without time zone" -> "timestamp";
      case "timestamp with time zone" -> "timestamptz";
      case "character", "char" -> "bpchar";
      default -> base;
    };
  }

  /** True when changing {@code from} to {@code to} needs neither a rewrite nor a scan. */
  static boolean safeChange(String from, String to) {
    Parsed a = parse(from);
    Parsed b = parse(to);
    if (a.equals(b)) return true;
    if (a.base().equals("varchar") && b.base().equals("varchar")) {
      return b.length() == null || (a.length() != null && b.length() >= a.length());
    }
    if (a.base().equals("varchar") && b.base().equals("text")) return true;
    if (a.base().equals("text") && b.base().equals("varchar") && b.length() == null) return true;
    if (a.base().equals("numeric") && b.base().equals("numeric")) {
      if (b.length() == null) return true;
      if (a.length() == null) return false;
      int as = a.scale() == null ? 0 : a.scale();
      int bs = b.scale() == null ? 0 : b.scale();
      return as == bs && b.length() >= a.length();
    }
    if (a.base().equals("varbit") && b.base().equals("varbit")) {
      return b.length() == null || (a.length() != null && b.length() >= a.length());
    }
    return a.base().equals("cidr") && b.base().equals("inet");
  }

  /**
   * Types that an unknown old type (no earlier migration defines the column) most likely widens into:
   * text, varchar (any length) and numeric. Narrowing a string column fails on long data, so migrations
   * that change to these types nearly always widen; they are not flagged without the old type.
   */
  static boolean likelyWidening(String to) {
    String base = parse(to).base();
    return base.equals("text") || base.equals("varchar") || base.equals("numeric") || base.equals("varbit");
  }
}
