package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** [WITH …] DELETE FROM [ONLY] table [USING …] [WHERE …] [RETURNING …]; {@code limited} when a LIMIT appears (batched deletes through a subquery). {@code tableSpan} is where the table's name is written, {@code where} the WHERE clause (null without one). */
public record Delete(Span span, QualifiedName table, boolean hasWhere, boolean hasUsing, boolean returning, boolean limited, Span tableSpan, Where where) implements Statement {
  @Override
  public String kind() {
    return "DELETE";
  }

  @Override
  public QualifiedName objectName() {
    return table;
  }
}
