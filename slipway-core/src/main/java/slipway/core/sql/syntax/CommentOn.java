package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** COMMENT ON object-type name IS 'text' | NULL ({@code comment} null). */
public record CommentOn(Span span, String objectType, QualifiedName target, String comment) implements Statement {
  @Override
  public String kind() {
    return "COMMENT";
  }

  @Override
  public QualifiedName objectName() {
    return target;
  }
}
