package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.ColumnDef;

/** ADD COLUMN … NOT NULL without a default on a table that has rows: fails at run time. */
public final class AddColumnNotNullWithoutDefault implements Rule {
  static final RuleInfo INFO = new RuleInfo("add-column-not-null-without-default",
      "NOT NULL column without a default fails on a table with rows", Severity.ERROR, PgVersions.ALL,
      "Existing rows would get NULL in a NOT NULL column, so PostgreSQL rejects the statement "
          + "(ERROR: column … contains null values) as soon as the table has one row: the deploy fails.",
      "ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'unknown';  -- constant default: instant\n"
          + "-- or: add it nullable, backfill in batches, then CHECK … NOT VALID, VALIDATE, SET NOT NULL");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    Statement s = c.statement();
    AlterTable at = TableSyntax.alterTable(s);
    if (at == null || !c.existing(at.table()) || c.rows(at.table()) == 0) return out;
    for (TableSyntax.NewColumn col : TableSyntax.newColumns(s)) {
      ColumnDef d = col.def();
      // NOT NULL or PRIMARY KEY, and nothing that fills existing rows (a default, identity, generated, serial).
      if (!d.notNull() || d.defaultValue() != null || d.identity() != null || d.generated() != null || d.isSerial()) {
        continue;
      }
      out.add(Finding.of(INFO, s.inFile(d.span()), "fails if \"" + at.table() + "\" has any row: existing rows would "
              + "be NULL in NOT NULL column \"" + d.name() + "\"")
          .instead("ALTER TABLE " + TableSyntax.table(s, at) + " ADD COLUMN " + TableSyntax.name(s, d) + " "
              + TableSyntax.type(s, d.typeSpan()) + " NOT NULL DEFAULT <constant>;"));
    }
    return out;
  }
}
