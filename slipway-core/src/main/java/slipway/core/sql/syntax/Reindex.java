package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** REINDEX [(options)] {INDEX|TABLE|SCHEMA|DATABASE|SYSTEM} [CONCURRENTLY] name. */
public record Reindex(Span span, String target, QualifiedName name, boolean concurrently) implements Statement {
  @Override
  public String kind() {
    return "REINDEX";
  }

  @Override
  public QualifiedName objectName() {
    return name;
  }
}
