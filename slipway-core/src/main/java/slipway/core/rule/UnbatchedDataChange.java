package slipway.core.rule;

import java.util.List;
import java.util.Set;
import slipway.core.sql.syntax.Assignment;
import slipway.core.sql.syntax.Delete;
import slipway.core.sql.syntax.QualifiedName;
import slipway.core.sql.syntax.Update;
import slipway.core.sql.syntax.Where;

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

  private static final Set<String> KEYISH = Set.of("id", "uuid", "key", "pk", "k", "name", "slug", "code", "email",
      "username", "handle");

  /** The table an UPDATE or DELETE changes rows of, or null for another statement. */
  static QualifiedName changed(slipway.core.sql.syntax.Statement syntax) {
    if (syntax instanceof Update u) return u.table();
    if (syntax instanceof Delete d) return d.table();
    return null;
  }

  /** The WHERE clause of an UPDATE or DELETE, or null. */
  static Where where(slipway.core.sql.syntax.Statement syntax) {
    if (syntax instanceof Update u) return u.where();
    if (syntax instanceof Delete d) return d.where();
    return null;
  }

  /**
   * True when the WHERE clause bounds the change to a known, small set of rows: a key compared with
   * constants (id = 5, id IN (1, 2), id BETWEEN 1 AND 5000), or a subquery with LIMIT (a batch).
   */
  static boolean bounded(Where where) {
    if (where == null) return false;
    // OR at the top of the WHERE clause widens whatever the other side bounds.
    if (where.or()) return where.limit();
    if (where.limit()) return true;
    for (Where.Comparison k : where.comparisons()) {
      // A key-like column (id, *_id, key, name, slug, code…) equal to constants picks out a few rows
      // (WHERE k = 'scan_all_policy', WHERE id = 42); WHERE status = 'pending' may match millions.
      String name = k.column();
      boolean key = KEYISH.contains(name) || name.endsWith("_id") || name.endsWith("_key") || name.endsWith("_uuid")
          || name.endsWith("_name") || name.endsWith("_code");
      if (key && k.constant() && Set.of("=", "IN", "BETWEEN", "<", "<=").contains(k.operator())) return true;
    }
    return false;
  }

  /**
   * A predicate that is false once a row is updated, so the batches end: {@code col IS DISTINCT FROM
   * (value)} for a single {@code SET col = value}, else a placeholder the user must fill in.
   */
  static String notYetDone(Update u, Statement s) {
    if (u.set().size() != 1) return "<not yet updated>";
    Assignment a = u.set().get(0);
    if (a.column() == null || a.value() == null) return "<not yet updated>";
    return s.textOf(a.columnSpan()) + " IS DISTINCT FROM (" + s.textOf(a.value().span()) + ")";
  }

  @Override public List<Finding> check(Context c) {
    QualifiedName table = changed(c.syntax());
    Where where = where(c.syntax());
    if (table == null || !c.existing(table) || bounded(where)) return List.of();
    // The row locks are the lock model's: UPDATE/DELETE take ROW EXCLUSIVE and lock each row they change.
    if (!c.hasFact("update") && !c.hasFact("update-all-rows") && !c.hasFact("delete")) return List.of();
    long rows = c.rows(table);
    if (rows >= 0 && rows < SMALL_TABLE_ROWS) return List.of();
    Statement s = c.statement();
    String size = rows >= 0 ? " (" + Sizes.rows(rows) + " rows)" : "";
    String raw = s.textOf(c.syntax() instanceof Update up ? up.tableSpan() : ((Delete) c.syntax()).tableSpan());
    String batch = c.syntax() instanceof Update u
        ? (where == null ? s.text() : s.textBefore(where.span())) + "\nWHERE id IN (SELECT id FROM " + raw
            + (where == null ? " WHERE " + notYetDone(u, s) : " " + s.textOf(where.span()))
            + " LIMIT 5000 FOR UPDATE SKIP LOCKED);"
        : "DELETE FROM " + raw + " WHERE id IN (SELECT id FROM " + raw
            + (where == null ? "" : " " + s.textOf(where.span())) + " LIMIT 5000);";
    String verb = c.syntax() instanceof Update ? "UPDATE" : "DELETE";
    return List.of(Finding.of(INFO, s.span(), verb + " touches " + (where == null ? "every row" : "an unbounded set of rows")
            + " of \"" + table + "\"" + size + " in one transaction: those rows stay locked against other writers "
            + "until it ends, and the time grows with the table")
        .instead(batch + "\n-- repeat until no row changes, one transaction per batch (slipway backfill)"));
  }
}
