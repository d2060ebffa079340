package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]. {@code keyword} is where VIEW is (CONCURRENTLY follows it), {@code viewSpan} where the view's name is. */
public record RefreshMaterializedView(Span span, QualifiedName view, boolean concurrently, boolean withData, Span keyword, Span viewSpan) implements Statement {
  @Override
  public String kind() {
    return "REFRESH_MATERIALIZED_VIEW";
  }

  @Override
  public QualifiedName objectName() {
    return view;
  }
}
