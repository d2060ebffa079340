package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/**
 * ALTER TABLE (or ALTER INDEX / VIEW / MATERIALIZED VIEW / FOREIGN TABLE, which share its actions) [IF EXISTS] [ONLY] name action [, …]. {@code objectType} is {@code TABLE}, {@code INDEX}, {@code VIEW}, {@code MATERIALIZED VIEW} or {@code FOREIGN TABLE}.
 * {@code tableSpan} is where the table's name is written (its text is the name as the user wrote it).
 */
public record AlterTable(Span span, String objectType, QualifiedName table, boolean ifExists, boolean only, List<AlterTableAction> actions, Span tableSpan) implements Statement {
  public AlterTable {
    actions = List.copyOf(actions);
  }

  @Override
  public String kind() {
    return "ALTER_" + objectType.replace(' ', '_');
  }

  @Override
  public QualifiedName objectName() {
    return table;
  }
}
