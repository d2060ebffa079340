package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/**
 * An expression, parsed far enough to say which functions it calls and how volatile it is.
 *
 * @param text the source text
 * @param functions the functions called, as written (folded), e.g. {@code nextval}, {@code pg_catalog.now}
 */
public record Expression(Span span, String text, Volatility volatility, List<String> functions) {
  public Expression {
    functions = List.copyOf(functions);
  }
}
