package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** [WITH …] UPDATE [ONLY] table SET … [FROM …] [WHERE …] [RETURNING …]; {@code limited} when a LIMIT appears (batched updates through a subquery). {@code tableSpan} is where the table's name is written, {@code set} the SET list, {@code where} the WHERE clause (null without one). */
public record Update(Span span, QualifiedName table, boolean hasWhere, boolean hasFrom, boolean returning, boolean limited, Span tableSpan, List<Assignment> set, Where where) implements Statement {
  public Update {
    set = List.copyOf(set);
  }

  @Override
  public String kind() {
    return "UPDATE";
  }

  @Override
  public QualifiedName objectName() {
    return table;
  }
}
