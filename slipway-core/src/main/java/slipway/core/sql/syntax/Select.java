package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** SELECT, VALUES, TABLE or WITH … SELECT; {@code functions} are the functions called (e.g. setval, create_hypertable). */
public record Select(Span span, List<String> functions, boolean into) implements Statement {
  public Select {
    functions = List.copyOf(functions);
  }

  @Override
  public String kind() {
    return "SELECT";
  }
}
