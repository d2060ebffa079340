package slipway.core.rule;

import java.util.List;
import slipway.core.catalog.Name;
import slipway.core.sql.syntax.CreateIndex;
import slipway.core.sql.syntax.Drop;
import slipway.core.sql.syntax.QualifiedName;

/**
 * CREATE INDEX CONCURRENTLY IF NOT EXISTS: after a failed attempt left the index INVALID, it skips, and the
 * migration succeeds with an index queries do not use (and, if unique, that enforces nothing).
 */
public final class ConcurrentIndexIfNotExists implements Rule {
  static final RuleInfo INFO = new RuleInfo("concurrent-index-if-not-exists",
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS keeps an INVALID index from a failed attempt", Severity.WARNING,
      PgVersions.ALL,
      "A CREATE INDEX CONCURRENTLY that fails part way (a duplicate for a UNIQUE index, a deadlock, a "
          + "cancelled statement or a timeout) leaves the index behind, marked INVALID: queries do not use it "
          + "and a unique one enforces nothing. Run again with IF NOT EXISTS, the statement finds the name, "
          + "skips, and the migration succeeds with the index still invalid. Drop a leftover first.",
      "DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx;  -- a leftover of a failed attempt\n"
          + "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (!(c.syntax() instanceof CreateIndex ci) || !ci.concurrently() || !ci.ifNotExists() || ci.name() == null) {
      return List.of();
    }
    if (!c.existing(ci.table())) return List.of();
    String key = indexKey(ci.name(), ci.table());
    // DROP INDEX … IF EXISTS of the same name earlier in the migration: the leftover is gone.
    for (int i = 0; i < c.index(); i++) {
      if (c.migration().get(i).syntax() instanceof Drop d && d.objectType().equals("INDEX")) {
        for (QualifiedName n : d.names()) {
          if (indexKey(n, ci.table()).equals(key)) return List.of();
        }
      }
    }
    Statement s = c.statement();
    String name = s.textOf(ci.nameSpan());
    String create = s.text().substring(0, ci.nameSpan().offset() - s.span().offset()).replaceAll("(?i)\\s+IF\\s+NOT\\s+EXISTS\\s*$", " ")
        + s.text().substring(ci.nameSpan().offset() - s.span().offset());
    return List.of(Finding.of(INFO, s.inFile(ci.nameSpan()), "if an earlier attempt failed, an INVALID \"" + ci.name()
            + "\" exists and this skips it: the migration succeeds with an index queries do not use"
            + (ci.unique() ? " and that enforces no uniqueness" : ""))
        .instead("DROP INDEX CONCURRENTLY IF EXISTS " + name + ";  -- a leftover of a failed attempt\n" + create + ";"));
  }

  /** An index name's catalog key: in the table's schema when written without one. */
  private static String indexKey(QualifiedName index, QualifiedName table) {
    String schema = index.schema() != null ? index.schema() : table.schema();
    return new Name(schema, index.name()).key();
  }
}
