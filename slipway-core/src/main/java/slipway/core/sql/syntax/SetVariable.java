package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** SET [SESSION|LOCAL] name {TO|=} value, SET TIME ZONE, SET ROLE, SET SESSION AUTHORIZATION, SET TRANSACTION …, SET CONSTRAINTS …; {@code name} folded ({@code timezone}, {@code role}, {@code session_authorization}, {@code transaction}, {@code constraints}), {@code value} as written. */
public record SetVariable(Span span, String name, String value, boolean local) implements Statement {
  @Override
  public String kind() {
    return "SET";
  }
}
