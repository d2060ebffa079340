package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name (columns, constraints) [PARTITION OF p] [PARTITION BY …] [INHERITS (…)], or CREATE TABLE … AS query. {@code persistence} is null, {@code TEMPORARY} or {@code UNLOGGED}. */
public record CreateTable(Span span, QualifiedName table, boolean ifNotExists, String persistence, List<ColumnDef> columns, List<Constraint> constraints, QualifiedName partitionOf, String partitionBound, String partitionBy, List<QualifiedName> inherits, boolean asQuery) implements Statement {
  public CreateTable {
    columns = List.copyOf(columns);
    constraints = List.copyOf(constraints);
    inherits = List.copyOf(inherits);
  }

  @Override
  public String kind() {
    return asQuery ? "CREATE_TABLE_AS" : "CREATE_TABLE";
  }

  @Override
  public QualifiedName objectName() {
    return table;
  }
}
