package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** REINDEX [(options)] {INDEX|TABLE|SCHEMA|DATABASE|SYSTEM} [CONCURRENTLY] name. {@code keyword} is where the target key word is (CONCURRENTLY follows it), {@code nameSpan} where the name is (null without one). */
public record Reindex(Span span, String target, QualifiedName name, boolean concurrently, Span keyword, Span nameSpan) implements Statement {
  @Override
  public String kind() {
    return "REINDEX";
  }

  @Override
  public QualifiedName objectName() {
    return name;
  }
}
