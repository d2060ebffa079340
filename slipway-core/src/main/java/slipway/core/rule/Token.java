package slipway.core.rule;

import java.util.Locale;

/**
 * One token of a statement as the rules see it. Comments are not tokens; a dollar-quoted string is
 * one token whose {@link #body()} is the text between the tags (a DO block or function body).
 */
public record Token(Kind kind, String text, int offset) {
  public enum Kind { WORD, QUOTED_IDENTIFIER, STRING, DOLLAR_STRING, NUMBER, SYMBOL }

  /** Upper-cased word, or the raw text for other kinds: what keyword comparisons use. */
  public String upper() {
    return kind == Kind.WORD ? text.toUpperCase(Locale.ROOT) : text;
  }

  public boolean isWord(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  public boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  public boolean isIdentifier() {
    return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
  }

  /** The name as PostgreSQL resolves it: unquoted folded to lower case, quoted kept. */
  public String name() {
    if (kind == Kind.QUOTED_IDENTIFIER) return text.substring(1, text.length() - 1).replace("\"\"", "\"");
    return text.toLowerCase(Locale.ROOT);
  }

  /** The text inside the dollar quotes, or inside single quotes for a plain string. */
  public String body() {
    if (kind == Kind.DOLLAR_STRING) {
      int open = text.indexOf('$', 1) + 1;
      int close = text.lastIndexOf('$', text.length() - 2);
      return close >= open ? text.substring(open, close) : "";
    }
    if (kind == Kind.STRING) {
      int q = text.indexOf('\'');
      return text.substring(q + 1, Math.max(q + 1, text.length() - 1)).replace("''", "'");
    }
    return text;
  }

  public int end() {
    return offset + text.length();
  }
}
