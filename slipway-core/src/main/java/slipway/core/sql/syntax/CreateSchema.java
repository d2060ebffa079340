package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** CREATE SCHEMA [IF NOT EXISTS] [name] [AUTHORIZATION role]. */
public record CreateSchema(Span span, String schema, boolean ifNotExists, String authorization) implements Statement {
  @Override
  public String kind() {
    return "CREATE_SCHEMA";
  }
}
