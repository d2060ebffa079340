package slipway.core.rule;

import java.util.List;

/** UPDATE or DELETE of an unbounded set of rows of an existing table in one statement. */
public final class UnbatchedDataChange implements Rule {
  static final long SMALL_TABLE_ROWS = 100_000;

  static final RuleInfo INFO = new RuleInfo("unbatched-data-change",
      "UPDATE/DELETE of a whole table in one statement", Severity.WARNING, PgVersions.ALL,
      "One UPDATE or DELETE over many rows runs as one transaction: every row it touches stays locked "
          + "against other writers until it ends, it bloats the table and the WAL (replicas lag), and a "
          + "failure rolls all of it back. Run it in batches of a few thousand rows, each committed on its own.",
      "UPDATE orders SET region = 'us-east-1'\n"
          + "WHERE id IN (SELECT id FROM orders WHERE region IS NULL LIMIT 5000 FOR UPDATE SKIP LOCKED);\n"
          + "-- repeated until no row changes, each batch its own transaction (slipway backfill does this)");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    DataChange d = DataChange.of(c.statement());
    if (d == null || !c.existing(d.table()) || d.bounded()) return List.of();
    long rows = c.rows(d.table());
    if (rows >= 0 && rows < SMALL_TABLE_ROWS) return List.of();
    Statement s = c.statement();
    String size = rows >= 0 ? " (" + Sizes.rows(rows) + " rows)" : "";
    String batch = d.verb().equals("UPDATE")
        ? s.textOf(0, d.where() < 0 ? s.size() : d.where()) + "\nWHERE id IN (SELECT id FROM " + d.table().raw()
            + (d.where() < 0 ? "" : " " + s.textOf(d.where(), s.size())) + " LIMIT 5000 FOR UPDATE SKIP LOCKED);"
        : "DELETE FROM " + d.table().raw() + " WHERE id IN (SELECT id FROM " + d.table().raw()
            + (d.where() < 0 ? "" : " " + s.textOf(d.where(), s.size())) + " LIMIT 5000);";
    return List.of(Finding.of(INFO, s.span(), d.verb() + " touches " + (d.where() < 0 ? "every row" : "an unbounded set of rows")
            + " of \"" + d.table() + "\"" + size + " in one transaction: those rows stay locked against other writers "
            + "until it ends, and the time grows with the table")
        .instead(batch + "\n-- repeat until no row changes, one transaction per batch (slipway backfill)"));
  }
}
