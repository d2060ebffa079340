package slipway.core.sql;

import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.AlterType;
import slipway.core.sql.syntax.Cluster;
import slipway.core.sql.syntax.CreateIndex;
import slipway.core.sql.syntax.Drop;
import slipway.core.sql.syntax.OtherCommand;
import slipway.core.sql.syntax.Reindex;
import slipway.core.sql.syntax.Statement;
import slipway.core.sql.syntax.TransactionControl;
import slipway.core.sql.syntax.Vacuum;

/**
 * The one answer to "may this statement run inside a transaction block?", read from the syntax tree.
 * PostgreSQL refuses these with SQLSTATE 25001 ("… cannot run inside a transaction block",
 * PreventInTransactionBlock) whatever the schema holds; each is proven on the server by the engine's
 * TransactionsMatchServerTest:
 *
 * <ul>
 *   <li>CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY (docs: CREATE INDEX, DROP INDEX);
 *   <li>REINDEX … CONCURRENTLY, and REINDEX SCHEMA / DATABASE / SYSTEM (docs: REINDEX);
 *   <li>ALTER TABLE … DETACH PARTITION … CONCURRENTLY (docs: ALTER TABLE, PostgreSQL 14+);
 *   <li>VACUUM in every form (ANALYZE alone may run in a block) (docs: VACUUM);
 *   <li>CLUSTER without a table, which clusters every table (docs: CLUSTER);
 *   <li>CREATE DATABASE, DROP DATABASE, ALTER DATABASE … SET TABLESPACE (docs: each command);
 *   <li>CREATE TABLESPACE, DROP TABLESPACE, ALTER SYSTEM, DISCARD ALL;
 *   <li>COMMIT PREPARED, ROLLBACK PREPARED;
 *   <li>CREATE SUBSCRIPTION and DROP SUBSCRIPTION: refused with their defaults (create_slot = true;
 *       a subscription with a replication slot). With connect = false / slot_name = NONE the server
 *       would allow them; the tree does not carry those options, so the verdict is the safe one.
 *   <li>ALTER TYPE … ADD VALUE before PostgreSQL 12 (docs: ALTER TYPE, "Notes").
 * </ul>
 *
 * <p>Some refusals depend on what the database holds, not on the text: REINDEX or CLUSTER of a
 * partitioned table, ALTER SUBSCRIPTION … REFRESH PUBLICATION or SET PUBLICATION with refresh. This
 * predicate says they may run in a block; a runner that executes them learns otherwise from 25001.
 *
 * <p>ALTER TYPE … ADD VALUE is allowed in a block from PostgreSQL 12 on, but the new label cannot be
 * used until the transaction commits (55P04 "unsafe use of new value"): {@link
 * #usableOnlyAfterCommit} says so, and a runner ends the transaction right after it.
 */
public final class Transactions {
  private Transactions() {}

  /** May {@code statement} run inside BEGIN … COMMIT on PostgreSQL {@code pgMajor}? */
  public static boolean mayRunInTransactionBlock(Statement statement, int pgMajor) {
    if (statement instanceof CreateIndex ci) {
      return !ci.concurrently();
    }
    if (statement instanceof Drop d) {
      String type = d.objectType().toUpperCase(java.util.Locale.ROOT);
      if (type.equals("INDEX")) return !d.concurrently();
      return !(type.equals("DATABASE") || type.equals("TABLESPACE") || type.equals("SUBSCRIPTION"));
    }
    if (statement instanceof Reindex r) {
      String target = r.target() == null ? "" : r.target().toUpperCase(java.util.Locale.ROOT);
      return !(r.concurrently() || target.equals("SCHEMA") || target.equals("DATABASE") || target.equals("SYSTEM"));
    }
    if (statement instanceof Vacuum v) {
      return v.analyzeOnly();
    }
    if (statement instanceof Cluster c) {
      return c.table() != null;
    }
    if (statement instanceof AlterTable at) {
      for (AlterTableAction action : at.actions()) {
        if (action instanceof AlterTableAction.DetachPartition dp && dp.concurrently()) return false;
      }
      return true;
    }
    if (statement instanceof AlterType at) {
      return !"ADD_VALUE".equals(at.action()) || pgMajor >= 12;
    }
    if (statement instanceof TransactionControl tc) {
      return !(tc.action().equals("COMMIT_PREPARED") || tc.action().equals("ROLLBACK_PREPARED"));
    }
    if (statement instanceof OtherCommand o) {
      switch (o.command()) {
        case "CREATE_DATABASE": case "CREATE_TABLESPACE": case "ALTER_SYSTEM": case "CREATE_SUBSCRIPTION":
        case "ALTER_DATABASE_SET_TABLESPACE":
          return false;
        case "DISCARD":
          return !(o.object() != null && o.object().schema() == null && o.object().name().equals("all"));
        default:
          return true;
      }
    }
    return true;
  }

  /**
   * Does what {@code statement} creates become usable only once its transaction commits? True for
   * ALTER TYPE … ADD VALUE from PostgreSQL 12 on (before 12 it cannot run in a block at all): a later
   * statement of the same transaction that uses the new label fails with 55P04.
   */
  public static boolean usableOnlyAfterCommit(Statement statement, int pgMajor) {
    return statement instanceof AlterType at && "ADD_VALUE".equals(at.action()) && pgMajor >= 12;
  }
}
