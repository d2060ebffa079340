package slipway.core.rule;

import java.util.List;

/** A statement that cannot run inside a transaction block, in one (explicit or the runner's). */
public final class ConcurrentlyInTransaction implements Rule {
  static final RuleInfo INFO = new RuleInfo("concurrently-in-transaction",
      "CONCURRENTLY inside a transaction fails", Severity.ERROR, PgVersions.ALL,
      "CREATE/DROP/REINDEX … CONCURRENTLY, DETACH PARTITION … CONCURRENTLY and VACUUM cannot run inside a "
          + "transaction block: PostgreSQL rejects them (ERROR: … cannot run inside a transaction block), "
          + "and the migration fails at deploy time. Runners such as Flyway, Rails and Django wrap each file "
          + "in a transaction unless told not to.",
      "-- a file of its own, run outside a transaction (Flyway: executeInTransaction=false,\n"
          + "-- Rails: disable_ddl_transaction!, goose: -- +goose NO TRANSACTION)\n"
          + "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (!c.inTransaction()) return List.of();
    Statement s = c.statement();
    String what = null;
    CreateIndex ci = CreateIndex.of(s);
    if (ci != null && ci.concurrently()) what = "CREATE INDEX CONCURRENTLY";
    else if (s.startsWith("DROP", "INDEX", "CONCURRENTLY")) what = "DROP INDEX CONCURRENTLY";
    else if (s.startsWith("REINDEX") && s.findAnywhere(1, "CONCURRENTLY") > 0) what = "REINDEX CONCURRENTLY";
    else if (s.startsWith("ALTER", "TABLE") && s.find(2, "DETACH", "PARTITION") > 0
        && s.findAnywhere(2, "CONCURRENTLY") > 0) what = "DETACH PARTITION CONCURRENTLY";
    else if (s.startsWith("VACUUM")) what = "VACUUM";
    if (what == null) return List.of();
    String where = c.runnerWrapsInTransaction() ? "the migration runner wraps this file in a transaction"
        : "this statement is inside BEGIN … COMMIT";
    return List.of(Finding.of(INFO, s.span(), what + " cannot run inside a transaction block and will fail: "
            + where)
        .instead("-- move it to a migration of its own that runs outside a transaction\n" + s.text() + ";"));
  }
}
