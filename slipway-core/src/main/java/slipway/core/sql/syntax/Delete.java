package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** [WITH …] DELETE FROM [ONLY] table [USING …] [WHERE …] [RETURNING …]; {@code limited} when a LIMIT appears (batched deletes through a subquery). */
public record Delete(Span span, QualifiedName table, boolean hasWhere, boolean hasUsing, boolean returning, boolean limited) implements Statement {
  @Override
  public String kind() {
    return "DELETE";
  }

  @Override
  public QualifiedName objectName() {
    return table;
  }
}
