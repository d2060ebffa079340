package slipway.core.rule;

import java.util.List;
import slipway.core.sql.syntax.CreateIndex;

/** CREATE INDEX without CONCURRENTLY on an existing table. */
public final class CreateIndexBlocksWrites implements Rule {
  static final RuleInfo INFO = new RuleInfo("create-index-blocks-writes",
      "Index build blocks writes", Severity.ERROR, PgVersions.ALL,
      "CREATE INDEX takes a SHARE lock on the table: every INSERT, UPDATE and DELETE waits until the whole "
          + "index is built, which grows with the table (minutes on tens of millions of rows).",
      "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);  -- outside a transaction");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (!(c.syntax() instanceof CreateIndex ci) || ci.concurrently() || !c.existing(ci.table())) return List.of();
    // The claim is the lock model's: CREATE INDEX holds SHARE on the table (writes wait) while it builds.
    if (!c.hasFact("create-index") || !c.facts().blocksWrites()) return List.of();
    Statement s = c.statement();
    String table = s.textOf(ci.tableSpan());
    boolean partitioned = c.partitioned(ci.table());
    // ON ONLY a partitioned parent creates an empty, invalid index: nothing is built, nobody waits.
    if (partitioned && ci.only()) return List.of();
    if (partitioned) {
      // CONCURRENTLY is not supported on a partitioned parent: build per partition, then attach.
      return List.of(Finding.of(INFO, s.span(), "writes to every partition of \"" + ci.table()
              + "\" wait until the index is built on all of them")
          .instead("CREATE INDEX " + nameOr(ci, s) + " ON ONLY " + table + " (…);\n"
              + "CREATE INDEX CONCURRENTLY <partition>_idx ON <partition> (…);  -- for each partition\n"
              + "ALTER INDEX " + nameOr(ci, s) + " ATTACH PARTITION <partition>_idx;"));
    }
    Finding f = Finding.of(INFO, s.span(), "writes to \"" + ci.table() + "\" wait until the whole index is built; "
            + "the build time grows with the table")
        .instead(s.insertAfter(ci.keyword(), " CONCURRENTLY") + ";  -- outside a transaction");
    if (!c.inTransaction()) {
      f = f.withFix(Fix.of("build the index CONCURRENTLY",
          new Fix.Edit(s.inFile(ci.keyword()).end(), 0, " CONCURRENTLY")));
    }
    return List.of(f);
  }

  private static String nameOr(CreateIndex ci, Statement s) {
    return ci.nameSpan() == null ? "<index>" : s.textOf(ci.nameSpan());
  }
}
