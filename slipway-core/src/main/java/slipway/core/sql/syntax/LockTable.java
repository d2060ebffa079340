package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** LOCK [TABLE] [ONLY] name [, …] [IN mode MODE] [NOWAIT]; {@code mode} as written in upper case, default ACCESS EXCLUSIVE; {@code tableSpans} where each table's name is written. */
public record LockTable(Span span, List<QualifiedName> tables, String mode, boolean nowait, List<Span> tableSpans) implements Statement {
  public LockTable {
    tables = List.copyOf(tables);
    tableSpans = List.copyOf(tableSpans);
  }

  @Override
  public String kind() {
    return "LOCK_TABLE";
  }

  @Override
  public QualifiedName objectName() {
    return tables.isEmpty() ? null : tables.get(0);
  }
}
