package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import slipway.core.sql.Lexer;
import slipway.core.sql.Token;
import slipway.core.sql.TokenKind;

/**
 * A partition bound as the syntax tree keeps it ({@code FOR VALUES FROM (…) TO (…)}, {@code IN (…)},
 * {@code WITH (MODULUS m, REMAINDER r)}, {@code DEFAULT}), read into its value lists so a rule can write
 * the CHECK that implies it. Values keep the user's text.
 */
record PartitionBound(String kind, List<String> from, List<String> to, List<String> in, List<String> with) {

  /** {@code kind} is RANGE, LIST, HASH or DEFAULT; null when the text is not a bound. */
  static PartitionBound of(String text) {
    if (text == null) return null;
    List<Token> toks = new ArrayList<>();
    for (Token t : Lexer.tokenize(text)) {
      if (t.kind() != TokenKind.WHITESPACE && t.kind() != TokenKind.LINE_COMMENT && t.kind() != TokenKind.BLOCK_COMMENT) {
        toks.add(t);
      }
    }
    List<String> from = null, to = null, in = null, with = null;
    boolean hash = false, dflt = false;
    for (int i = 0; i < toks.size(); i++) {
      Token t = toks.get(i);
      boolean group = i + 1 < toks.size() && toks.get(i + 1).isSymbol("(");
      if (t.is("default") && i == toks.size() - 1) dflt = true;
      if (!group) continue;
      if (t.is("from")) from = values(text, toks, i + 1);
      else if (t.is("to")) to = values(text, toks, i + 1);
      else if (t.is("in")) in = values(text, toks, i + 1);
      else if (t.is("with")) { hash = true; with = values(text, toks, i + 1); }
    }
    if (from != null && to != null) return new PartitionBound("RANGE", from, to, List.of(), List.of());
    if (in != null) return new PartitionBound("LIST", List.of(), List.of(), in, List.of());
    if (hash) return new PartitionBound("HASH", List.of(), List.of(), List.of(), with);
    if (dflt) return new PartitionBound("DEFAULT", List.of(), List.of(), List.of(), List.of());
    return null;
  }

  /** The comma-separated items of the parenthesised group opening at {@code open}, as written. */
  private static List<String> values(String text, List<Token> toks, int open) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = -1;
    for (int i = open; i < toks.size(); i++) {
      Token t = toks.get(i);
      if (t.isSymbol("(") || t.isSymbol("[")) {
        if (depth++ == 0) { start = -1; continue; }
      } else if (t.isSymbol(")") || t.isSymbol("]")) {
        if (--depth == 0) {
          if (start >= 0) out.add(text.substring(start, toks.get(i - 1).end()));
          return out;
        }
      } else if (depth == 1 && t.isSymbol(",")) {
        if (start >= 0) out.add(text.substring(start, toks.get(i - 1).end()));
        start = -1;
        continue;
      }
      if (start < 0) start = t.start();
    }
    return out;
  }

  List<String> listValues() {
    return in.stream().map(String::trim).toList();
  }

  private static boolean word(String value, String w) {
    return value.trim().toLowerCase(Locale.ROOT).equals(w);
  }

  /**
   * The condition PostgreSQL's partition constraint amounts to for one key column, written so its proof
   * code sees that a validated CHECK with it implies the bound; null when no such CHECK is known to work
   * (several key columns, an expression key, a list with NULL, the default partition). A hash bound is
   * {@code satisfies_hash_partition(parent, modulus, remainder, key)}, the partition constraint itself.
   */
  String condition(String column, String parent) {
    if (column == null) return null;
    String k = SqlText.ident(column);
    if (kind.equals("HASH")) {
      String modulus = null, remainder = null;
      for (String w : with) {
        String[] p = w.trim().split("\\s+");
        if (p.length == 2 && p[0].equalsIgnoreCase("modulus")) modulus = p[1];
        if (p.length == 2 && p[0].equalsIgnoreCase("remainder")) remainder = p[1];
      }
      if (modulus == null || remainder == null) return null;
      return "satisfies_hash_partition('" + parent.replace("'", "''") + "'::regclass, " + modulus + ", " + remainder
          + ", " + k + ")";
    }
    String inner = inner(column);
    return inner == null ? null : k + " IS NOT NULL AND " + inner;
  }

  /** The bound's own test on one key column, without the key's IS NOT NULL; null when not known. */
  String inner(String column) {
    if (column == null) return null;
    String k = SqlText.ident(column);
    if (kind.equals("RANGE") && from.size() == 1 && to.size() == 1) {
      List<String> terms = new ArrayList<>();
      if (!word(from.get(0), "minvalue")) terms.add(k + " >= " + from.get(0).trim());
      if (!word(to.get(0), "maxvalue")) terms.add(k + " < " + to.get(0).trim());
      return terms.isEmpty() ? null : String.join(" AND ", terms);
    }
    if (kind.equals("LIST") && !in.isEmpty()) {
      for (String v : in) if (word(v, "null")) return null;
      return k + " IN (" + String.join(", ", listValues()) + ")";
    }
    return null;
  }
}
