package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]. */
public record CreateExtension(Span span, String extension, boolean ifNotExists, String schema, String version, boolean cascade) implements Statement {
  @Override
  public String kind() {
    return "CREATE_EXTENSION";
  }
}
