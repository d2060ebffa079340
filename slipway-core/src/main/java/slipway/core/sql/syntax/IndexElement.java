package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/**
 * One key of an index: a column or an expression, with its options.
 *
 * @param column the column name, or null for an expression key
 * @param expression the expression key (without its parentheses), or null for a column key
 * @param nulls {@code FIRST}, {@code LAST} or null
 */
public record IndexElement(Span span, String column, Expression expression, String collation, String opclass,
    boolean descending, String nulls) {}
