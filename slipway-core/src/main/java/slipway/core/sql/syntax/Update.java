package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** [WITH …] UPDATE [ONLY] table SET … [FROM …] [WHERE …] [RETURNING …]; {@code limited} when a LIMIT appears (batched updates through a subquery). */
public record Update(Span span, QualifiedName table, boolean hasWhere, boolean hasFrom, boolean returning, boolean limited) implements Statement {
  @Override
  public String kind() {
    return "UPDATE";
  }

  @Override
  public QualifiedName objectName() {
    return table;
  }
}
