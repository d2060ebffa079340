package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** DO [LANGUAGE l] 'body': the body kept, and the SQL statements found in a PL/pgSQL body parsed ({@code statements}; dynamic EXECUTE strings are not followed); {@code loops} when the PL/pgSQL body loops (LOOP, WHILE … LOOP, FOR … LOOP, FOREACH … LOOP). */
public record DoBlock(Span span, String language, String body, List<Statement> statements, boolean loops) implements Statement {
  public DoBlock {
    statements = List.copyOf(statements);
  }

  @Override
  public String kind() {
    return "DO";
  }
}
