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

  /**
   * A predicate that is false once a row is updated, so the batches end: {@code col IS DISTINCT FROM
   * (value)} for a single {@code SET col = value}, else a placeholder the user must fill in.
   */
  static String notYetDone(Statement s) {
    int set = s.find(1, "SET");
    if (set < 0) return "<not yet updated>";
    int end = s.size();
    for (String stop : new String[] {"FROM", "RETURNING"}) {
      int k = s.find(set + 1, stop);
      if (k > 0 && k < end) end = k;
    }
    java.util.List<int[]> assignments = s.splitCommas(set + 1, end);
    if (assignments.size() != 1) return "<not yet updated>";
    int[] a = assignments.get(0);
    Token col = s.token(a[0]);
    if (col == null || !col.isIdentifier() || s.token(a[0] + 1) == null || !s.token(a[0] + 1).isSymbol("=")) {
      return "<not yet updated>";
    }
    return col.text() + " IS DISTINCT FROM (" + s.textOf(a[0] + 2, a[1]) + ")";
  }

  @Override public List<Finding> check(Context c) {
    DataChange d = DataChange.of(c.statement());
    if (d == null || !c.existing(d.table()) || d.bounded()) return List.of();
    long rows = c.rows(d.table());
    if (rows >= 0 && rows < SMALL_TABLE_ROWS) return List.of();
    Statement s = c.statement();
    String size = rows >= 0 ? " (" + Sizes.rows(rows) + " rows)" : "";
    String batch = d.verb().equals("UPDATE")
        ? s.textOf(0, d.where() < 0 ? s.size() : d.where()) + "\nWHERE id IN (SELECT id FROM " + d.table().raw()
            + (d.where() < 0 ? " WHERE " + notYetDone(s) : " " + s.textOf(d.where(), s.size()))
            + " LIMIT 5000 FOR UPDATE SKIP LOCKED);"
        : "DELETE FROM " + d.table().raw() + " WHERE id IN (SELECT id FROM " + d.table().raw()
            + (d.where() < 0 ? "" : " " + s.textOf(d.where(), s.size())) + " LIMIT 5000);";
    return List.of(Finding.of(INFO, s.span(), d.verb() + " touches " + (d.where() < 0 ? "every row" : "an unbounded set of rows")
            + " of \"" + d.table() + "\"" + size + " in one transaction: those rows stay locked against other writers "
            + "until it ends, and the time grows with the table")
        .instead(batch + "\n-- repeat until no row changes, one transaction per batch (slipway backfill)"));
  }
}
