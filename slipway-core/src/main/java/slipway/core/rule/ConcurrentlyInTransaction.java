package slipway.core.rule;

import java.util.List;
import slipway.core.sql.Transactions;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterType;
import slipway.core.sql.syntax.Cluster;
import slipway.core.sql.syntax.CreateIndex;
import slipway.core.sql.syntax.Drop;
import slipway.core.sql.syntax.OtherCommand;
import slipway.core.sql.syntax.Reindex;
import slipway.core.sql.syntax.TransactionControl;
import slipway.core.sql.syntax.Vacuum;

/** A statement that cannot run inside a transaction block, in one (explicit or the runner's). */
public final class ConcurrentlyInTransaction implements Rule {
  static final RuleInfo INFO = new RuleInfo("concurrently-in-transaction",
      "CONCURRENTLY inside a transaction fails", Severity.ERROR, PgVersions.ALL,
      "CREATE/DROP/REINDEX … CONCURRENTLY, DETACH PARTITION … CONCURRENTLY and VACUUM (and REINDEX "
          + "SCHEMA/DATABASE/SYSTEM, CLUSTER without a table, CREATE/DROP DATABASE or TABLESPACE, ALTER SYSTEM, "
          + "DISCARD ALL, COMMIT/ROLLBACK PREPARED) cannot run inside a transaction block: PostgreSQL rejects them (ERROR: … cannot run inside a transaction block), "
          + "and the migration fails at deploy time. Runners such as Flyway, Rails and Django wrap each file "
          + "in a transaction unless told not to.",
      "-- a file of its own, run outside a transaction (Flyway: executeInTransaction=false,\n"
          + "-- Rails: disable_ddl_transaction!, goose: -- +goose NO TRANSACTION)\n"
          + "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (!c.inTransaction()) return List.of();
    // Whether the statement may run in a transaction block is the one core predicate over the tree
    // (proven on the server by TransactionsMatchServerTest); ALTER TYPE … ADD VALUE is
    // enum-add-value-in-transaction's.
    if (Transactions.mayRunInTransactionBlock(c.syntax(), c.pgVersion()) || c.syntax() instanceof AlterType) {
      return List.of();
    }
    String what = what(c.syntax());
    if (what == null) return List.of();
    Statement s = c.statement();
    String where = c.runnerWrapsInTransaction() ? "the migration runner wraps this file in a transaction"
        : "this statement is inside BEGIN … COMMIT";
    return List.of(Finding.of(INFO, s.span(), what + " cannot run inside a transaction block and will fail: "
            + where)
        .instead("-- move it to a migration of its own that runs outside a transaction\n" + s.text() + ";"));
  }

  /** How the statement is named in the message, from the syntax tree; null when the tree does not say. */
  private static String what(slipway.core.sql.syntax.Statement syntax) {
    if (syntax instanceof CreateIndex ci) return ci.concurrently() ? "CREATE INDEX CONCURRENTLY" : null;
    if (syntax instanceof Drop d) return "DROP " + d.objectType() + (d.concurrently() ? " CONCURRENTLY" : "");
    if (syntax instanceof Reindex r) return "REINDEX " + r.target() + (r.concurrently() ? " CONCURRENTLY" : "");
    if (syntax instanceof Vacuum v) return v.analyzeOnly() ? null : "VACUUM";
    if (syntax instanceof Cluster) return "CLUSTER without a table";
    if (syntax instanceof AlterTable) return "DETACH PARTITION CONCURRENTLY";
    if (syntax instanceof OtherCommand o) return o.command().replace('_', ' ');
    if (syntax instanceof TransactionControl tc) return tc.action().replace('_', ' ');
    return null;
  }
}
