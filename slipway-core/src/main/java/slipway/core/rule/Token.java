package slipway.core.rule;

import java.util.Locale;

/**
 * One token of a statement as the rules see it, made from a {@link slipway.core.sql.Lexer} token
 * (see {@link Tokens}). Comments are not tokens; a dollar-quoted string is one token whose
 * {@link #body()} is the text between the tags (a DO block or function body).
 *
 * @param text the token as written in the source
 * @param offset where it starts in the statement's text
 * @param value the Lexer's value: a word folded to lower case, a quoted name with its escapes
 *     resolved, a string's or dollar-quoted body's contents, a placeholder's name, else the text
 */
public record Token(Kind kind, String text, int offset, String value) {
  /**
   * PARAM is {@code $1}; PLACEHOLDER is a psql variable or a migration tool's placeholder
   * ({@code :'v'}, {@code ${schema}}, {@code {{ .Schema }}}).
   */
  public enum Kind { WORD, QUOTED_IDENTIFIER, STRING, DOLLAR_STRING, NUMBER, PARAM, PLACEHOLDER, SYMBOL }

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
    return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER ? value : text.toLowerCase(Locale.ROOT);
  }

  /** The text inside the dollar quotes, or inside single quotes for a plain string. */
  public String body() {
    return kind == Kind.DOLLAR_STRING || kind == Kind.STRING ? value : text;
  }

  public int end() {
    return offset + text.length();
  }
}
