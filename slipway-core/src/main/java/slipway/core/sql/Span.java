package slipway.core.sql;

/**
 * Where a piece of SQL is: the file, the 1-based line and column of its first character, its 0-based
 * offset in the file's text (in Java chars) and its length. Printed as {@code file:line:col}.
 */
public record Span(String file, int line, int column, int offset, int length) {
  public int end() {
    return offset + length;
  }

  /** {@code file:line:col}, the prefix of every diagnostic. */
  public String where() {
    return file + ":" + line + ":" + column;
  }
}
