package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/**
 * A table or column constraint.
 *
 * @param name the constraint's name, or null when PostgreSQL would generate one
 * @param columns the constrained columns (for a column constraint: that column)
 * @param check the CHECK expression (CHECK), the WHERE predicate (EXCLUDE), else null
 * @param usingIndex the index of {@code UNIQUE/PRIMARY KEY USING INDEX idx}, else null
 * @param referencedTable the table a FOREIGN KEY references, else null
 * @param referencedColumns the referenced columns (empty: the referenced table's primary key)
 * @param onDelete the FOREIGN KEY's ON DELETE action ({@code CASCADE}, {@code SET NULL}, …), default {@code NO ACTION}
 * @param notValid NOT VALID: existing rows are not checked now (VALIDATE CONSTRAINT later)
 * @param indexMethod EXCLUDE's index method ({@code gist}), else null
 * @param nameSpan where the name after CONSTRAINT is written, else null
 * @param columnsSpan where the parenthesised column list is written (UNIQUE, PRIMARY KEY, FOREIGN KEY, EXCLUDE), else null
 * @param referencesSpan a FOREIGN KEY's {@code REFERENCES table [(columns)] [MATCH …] [ON DELETE …] [ON UPDATE …]}, else null
 * @param usingIndexSpan where the index name of {@code USING INDEX idx} is written, else null
 */
public record Constraint(Span span, String name, ConstraintKind kind, List<String> columns, Expression check,
    String usingIndex, QualifiedName referencedTable, List<String> referencedColumns, String onDelete,
    String onUpdate, boolean notValid, boolean deferrable, boolean initiallyDeferred, boolean noInherit,
    String indexMethod, Span nameSpan, Span columnsSpan, Span referencesSpan, Span usingIndexSpan) {
  public Constraint {
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
  }

  public enum ConstraintKind { CHECK, NOT_NULL, UNIQUE, PRIMARY_KEY, FOREIGN_KEY, EXCLUDE }
}
