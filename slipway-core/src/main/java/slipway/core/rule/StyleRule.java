package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A column-type opinion (prefer bigint, identity, text, timestamptz, jsonb): info only, on every new
 * column (CREATE TABLE and ADD COLUMN), never blocking a deploy.
 */
abstract class StyleRule implements Rule {
  /** The message and the suggested type for a column, or null when the column is fine. */
  abstract String[] judge(ColumnDef col);

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    for (ColumnDef col : ColumnDef.in(c.statement())) {
      String[] verdict = judge(col);
      if (verdict == null) continue;
      out.add(Finding.of(info(), col.span(), verdict[0]).instead(col.columnRaw() + " " + verdict[1]
          + col.s().textOf(col.typeTo(), col.to()).transform(rest -> rest.isEmpty() ? "" : " " + rest)));
    }
    return out;
  }

  static Function<String, String> identity() { return Function.identity(); }
}
