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
    Statement s = c.statement();
    List<ColumnDef> defs = new ArrayList<>();
    List<Column> cols = columns(s, defs);
    List<Finding> out = null;
    for (int i = 0; i < cols.size(); i++) {
      String[] verdict = judge(cols.get(i));
      if (verdict == null) continue;
      ColumnDef d = defs.get(i);
      String rest = TableSyntax.afterType(s, d);
      if (out == null) out = new ArrayList<>(2);
      out.add(Finding.of(info(), s.inFile(d.span()), verdict[0]).instead(TableSyntax.name(s, d) + " " + verdict[1]
          + (rest.isEmpty() ? "" : " " + rest)));
    }
    return out == null ? List.of() : out;
  }

  /** The statement whose new columns {@link #LAST} holds, those columns and their definitions. */
  private record Columns(Statement statement, List<Column> columns, List<ColumnDef> defs) {}

  /** The style rules run one after another on each statement: the columns are read once for all five. */
  private static volatile Columns last;

  /** The statement's new columns as the style rules judge them ({@code defs} gets their definitions). */
  private static List<Column> columns(Statement s, List<ColumnDef> defs) {
    Columns memo = last;
    if (memo == null || memo.statement() != s) {
      List<Column> cols = new ArrayList<>();
      List<ColumnDef> ds = new ArrayList<>();
      for (TableSyntax.NewColumn nc : TableSyntax.newColumns(s)) {
        ColumnDef d = nc.def();
        String written = TableSyntax.type(s, d.typeSpan());
        cols.add(new Column(d.name(), d.type(), written, TableSyntax.baseType(written),
            TableSyntax.constraint(d, Constraint.ConstraintKind.PRIMARY_KEY) != null));
        ds.add(d);
      }
      memo = new Columns(s, List.copyOf(cols), List.copyOf(ds));
      last = memo;
    }
    defs.addAll(memo.defs());
    return memo.columns();
  }

  /** {@code []} for each array dimension of the type, to keep an array an array in the suggestion. */
  static String arraySuffix(TypeName type) {
    return "[]".repeat(type.arrayDimensions());
  }
}
