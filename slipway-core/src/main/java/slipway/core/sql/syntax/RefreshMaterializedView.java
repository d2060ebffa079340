package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]. */
public record RefreshMaterializedView(Span span, QualifiedName view, boolean concurrently, boolean withData) implements Statement {
  @Override
  public String kind() {
    return "REFRESH_MATERIALIZED_VIEW";
  }

  @Override
  public QualifiedName objectName() {
    return view;
  }
}
