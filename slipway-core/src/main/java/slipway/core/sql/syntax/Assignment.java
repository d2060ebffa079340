package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/**
 * One {@code target = value} of an UPDATE's SET list. {@code column} is the target column (folded) and
 * {@code columnSpan} where it is written, both null when the target is not a plain column (a column list
 * {@code (a, b) = …}, a subscript or a field); {@code value} is what is assigned (null when not read).
 */
public record Assignment(Span span, String column, Span columnSpan, Expression value) {
}
