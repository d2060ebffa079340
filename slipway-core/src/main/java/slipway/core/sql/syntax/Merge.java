package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** [WITH …] MERGE INTO table USING source ON … WHEN …. */
public record Merge(Span span, QualifiedName table, QualifiedName source) implements Statement {
  @Override
  public String kind() {
    return "MERGE";
  }

  @Override
  public QualifiedName objectName() {
    return table;
  }
}
