package slipway.core.sql;

/** A problem found while reading SQL; prints as {@code file:line:col: what is wrong}. */
public record Diagnostic(Span span, String message) {
  @Override
  public String toString() {
    return span.where() + ": " + message;
  }
}
