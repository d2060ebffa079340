package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** CREATE [OR REPLACE] FUNCTION|PROCEDURE name (args) [RETURNS t] LANGUAGE l AS 'body' | BEGIN ATOMIC … END. {@code body} is the function body (a dollar-quoted or string body, or the BEGIN ATOMIC block), {@code returns} the return type as written (null for procedures). */
public record CreateFunction(Span span, QualifiedName function, boolean procedure, boolean orReplace, String arguments, String returns, String language, String body) implements Statement {
  @Override
  public String kind() {
    return procedure ? "CREATE_PROCEDURE" : "CREATE_FUNCTION";
  }

  @Override
  public QualifiedName objectName() {
    return function;
  }
}
