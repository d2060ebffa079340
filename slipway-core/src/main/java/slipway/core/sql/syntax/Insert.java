package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** [WITH …] INSERT INTO table [(columns)] {VALUES|SELECT|DEFAULT VALUES} [ON CONFLICT …] [RETURNING …]. */
public record Insert(Span span, QualifiedName table, List<String> columns, boolean onConflict, boolean returning) implements Statement {
  public Insert {
    columns = List.copyOf(columns);
  }

  @Override
  public String kind() {
    return "INSERT";
  }

  @Override
  public QualifiedName objectName() {
    return table;
  }
}
