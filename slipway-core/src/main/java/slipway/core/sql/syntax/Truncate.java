package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** TRUNCATE [TABLE] [ONLY] name [, …] [RESTART IDENTITY|CONTINUE IDENTITY] [CASCADE|RESTRICT]; {@code tableSpans} where each table's name is written. */
public record Truncate(Span span, List<QualifiedName> tables, boolean only, boolean restartIdentity, boolean cascade, List<Span> tableSpans) implements Statement {
  public Truncate {
    tables = List.copyOf(tables);
    tableSpans = List.copyOf(tableSpans);
  }

  @Override
  public String kind() {
    return "TRUNCATE";
  }

  @Override
  public QualifiedName objectName() {
    return tables.isEmpty() ? null : tables.get(0);
  }
}
