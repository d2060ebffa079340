package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW name AS query, or CREATE MATERIALIZED VIEW [IF NOT EXISTS] name AS query [WITH [NO] DATA]. */
public record CreateView(Span span, QualifiedName view, boolean materialized, boolean orReplace, boolean temporary, boolean ifNotExists, boolean withData, String query) implements Statement {
  @Override
  public String kind() {
    return materialized ? "CREATE_MATERIALIZED_VIEW" : "CREATE_VIEW";
  }

  @Override
  public QualifiedName objectName() {
    return view;
  }
}
