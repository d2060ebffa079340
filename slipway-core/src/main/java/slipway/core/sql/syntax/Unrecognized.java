package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** Text that is not a statement form Slipway reads. {@code error} is set when the statement started like a known form but is malformed there (file:line:col: what is wrong), else null. */
public record Unrecognized(Span span, String text, slipway.core.sql.Diagnostic error) implements Statement {
  @Override
  public String kind() {
    return "UNRECOGNIZED";
  }
}
