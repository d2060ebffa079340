package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** RESET name | RESET ALL ({@code name} is {@code all}). */
public record ResetVariable(Span span, String name) implements Statement {
  @Override
  public String kind() {
    return "RESET";
  }
}
