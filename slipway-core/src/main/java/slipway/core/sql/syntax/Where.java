package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/**
 * The WHERE clause of an UPDATE or DELETE (up to RETURNING), read far enough to say how many rows it can
 * pick out. {@code or} when an OR joins its top-level terms; {@code limit} when a LIMIT appears in it (a
 * batch through a subquery); {@code comparisons} the {@code column op operand} tests written in it at any
 * depth, in order.
 */
public record Where(Span span, String text, boolean or, boolean limit, List<Comparison> comparisons) {
  public Where {
    comparisons = List.copyOf(comparisons);
  }

  /**
   * {@code column operator operand}: {@code column} the last part of the column reference (folded),
   * {@code operator} one of {@code = <> != < <= > >= IN BETWEEN}, {@code constant} when the operand (the
   * first element of an IN list, the lower bound of BETWEEN) is a literal, a bind parameter ({@code $1},
   * {@code ?}, {@code :name}) or a placeholder.
   */
  public record Comparison(String column, String operator, boolean constant) {
  }
}
