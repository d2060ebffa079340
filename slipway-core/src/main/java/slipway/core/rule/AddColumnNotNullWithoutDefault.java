package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;

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
    if (!s.startsWith("ALTER", "TABLE")) return out;
    for (ColumnDef col : ColumnDef.in(s)) {
      if (!c.existing(col.table()) || c.rows(col.table()) == 0) continue;
      boolean notNull = col.has("NOT", "NULL") || col.has("PRIMARY", "KEY");
      if (!notNull || col.has("DEFAULT") || col.has("GENERATED") || col.baseType().contains("serial")) continue;
      out.add(Finding.of(INFO, col.span(), "fails if \"" + col.table() + "\" has any row: existing rows would be "
              + "NULL in NOT NULL column \"" + col.columnName() + "\"")
          .instead("ALTER TABLE " + col.table().raw() + " ADD COLUMN " + col.columnRaw() + " " + col.type()
              + " NOT NULL DEFAULT <constant>;"));
    }
    return out;
  }
}
