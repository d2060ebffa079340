package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/**
 * A column definition (CREATE TABLE or ALTER TABLE … ADD COLUMN).
 *
 * @param type the declared type; null for a partition's or typed table's column options
 * @param defaultValue the DEFAULT expression, else null
 * @param notNull NOT NULL (or PRIMARY KEY) was written
 * @param identity {@code ALWAYS} or {@code BY DEFAULT} for an identity column, else null
 * @param generated the expression of {@code GENERATED ALWAYS AS (…) STORED|VIRTUAL}, else null
 * @param constraints the other column constraints (CHECK, UNIQUE, PRIMARY KEY, REFERENCES)
 * @param generatedStored the generated column is STORED (computed and written for every row)
 * @param nameSpan where the column's name is written
 * @param typeSpan where the type is written (null without a type)
 */
public record ColumnDef(Span span, String name, TypeName type, Expression defaultValue, boolean notNull,
    String identity, Expression generated, String collation, List<Constraint> constraints,
    boolean generatedStored, Span nameSpan, Span typeSpan) {
  public ColumnDef {
    constraints = List.copyOf(constraints);
  }

  public boolean isSerial() {
    return type != null && type.arrayDimensions() == 0
        && (type.name().equals("serial") || type.name().equals("bigserial") || type.name().equals("smallserial")
            || type.name().equals("serial4") || type.name().equals("serial8") || type.name().equals("serial2"));
  }
}
