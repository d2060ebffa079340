package slipway.core.sql;

/**
 * One token: its kind, its offsets in the source ({@code start} inclusive, {@code end} exclusive) and
 * its value (see {@link TokenKind}; {@code null} for trivia).
 */
public record Token(TokenKind kind, int start, int end, String value) {
  public int length() {
    return end - start;
  }

  /** Is this the unquoted word {@code word} (given in lower case), as a key word is written? */
  public boolean is(String word) {
    return kind == TokenKind.IDENT && word.equals(value);
  }

  /** Is this the punctuation or operator {@code symbol}? */
  public boolean isSymbol(String symbol) {
    return (kind == TokenKind.PUNCT || kind == TokenKind.OPERATOR) && symbol.equals(value);
  }

  public String text(String source) {
    return source.substring(start, end);
  }
}
