package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.sql.syntax.ColumnDef;
import slipway.core.sql.syntax.Constraint;
import slipway.core.sql.syntax.TypeName;

/**
 * A column-type opinion (prefer bigint, identity, text, timestamptz, jsonb): info only, on every new
 * column (CREATE TABLE and ADD COLUMN), never blocking a deploy.
 */
abstract class StyleRule implements Rule {
  /**
   * A new column as the style rules judge it.
   *
   * @param name the column's name (folded)
   * @param type the type as PostgreSQL names it ({@code int4} is {@code integer})
   * @param written the type as written, lower case ({@code varchar(50)})
   * @param base the first word of the type as written, without schema ({@code int4}, {@code varchar})
   * @param primaryKey the column is declared PRIMARY KEY
   */
  record Column(String name, TypeName type, String written, String base, boolean primaryKey) {}

  /** The message and the suggested type for a column, or null when the column is fine. */
  abstract String[] judge(Column col);

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    Statement s = c.statement();
    for (TableSyntax.NewColumn nc : TableSyntax.newColumns(s)) {
      ColumnDef d = nc.def();
      String written = TableSyntax.type(s, d.typeSpan());
      Column col = new Column(d.name(), d.type(), written, TableSyntax.baseType(written),
          TableSyntax.constraint(d, Constraint.ConstraintKind.PRIMARY_KEY) != null);
      String[] verdict = judge(col);
      if (verdict == null) continue;
      String rest = TableSyntax.afterType(s, d);
      out.add(Finding.of(info(), s.inFile(d.span()), verdict[0]).instead(TableSyntax.name(s, d) + " " + verdict[1]
          + (rest.isEmpty() ? "" : " " + rest)));
    }
    return out;
  }

  /** {@code []} for each array dimension of the type, to keep an array an array in the suggestion. */
  static String arraySuffix(TypeName type) {
    return "[]".repeat(type.arrayDimensions());
  }
}
