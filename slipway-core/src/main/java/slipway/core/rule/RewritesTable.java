package slipway.core.rule;

import java.util.List;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.Cluster;
import slipway.core.sql.syntax.QualifiedName;
import slipway.core.sql.syntax.Vacuum;

/** VACUUM FULL, CLUSTER, and ALTER TABLE SET TABLESPACE / SET LOGGED / SET UNLOGGED / SET ACCESS METHOD. */
public final class RewritesTable implements Rule {
  static final RuleInfo INFO = new RuleInfo("table-rewrite-blocks-reads",
      "Statement rewrites the whole table with reads and writes blocked", Severity.ERROR, PgVersions.ALL,
      "VACUUM FULL, CLUSTER, SET TABLESPACE, SET LOGGED/UNLOGGED and SET ACCESS METHOD copy every row into a "
          + "new file while holding an ACCESS EXCLUSIVE lock: reads and writes wait for the whole copy. (Moving a "
          + "table to the tablespace, persistence or access method it already has copies nothing.)",
      "-- reclaim space online with pg_repack (pg_repack --table orders), or plain VACUUM (no long lock)");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (c.syntax() instanceof Vacuum || c.syntax() instanceof Cluster) return vacuumFullOrCluster(c);
    return alterTable(c);
  }

  /**
   * VACUUM FULL and CLUSTER: whether they rewrite is the lock model's (facts vacuum-full and cluster,
   * each proven on the server to rewrite under ACCESS EXCLUSIVE); the tree names the table.
   */
  private static List<Finding> vacuumFullOrCluster(Context c) {
    String what;
    QualifiedName table;
    if (c.syntax() instanceof Vacuum v) {
      if (!c.hasFact("vacuum-full")) return List.of();
      what = "VACUUM FULL";
      table = v.objectName();
    } else {
      if (!c.hasFact("cluster")) return List.of();
      what = "CLUSTER";
      table = ((Cluster) c.syntax()).table();
    }
    // With no table VACUUM FULL rewrites every table (the row vacuum-full, per table); with tables the
    // model says which it rewrites.
    if (table != null && (!c.facts().rewrite() || !c.existing(table))) return List.of();
    String on = table == null ? "every table in the database" : "\"" + table + "\"";
    return List.of(Finding.of(INFO, c.statement().span(), what + " rewrites " + on + " with reads and writes "
        + "blocked until every row is copied; the copy grows with the table"));
  }

  /** ALTER TABLE … SET TABLESPACE / SET LOGGED / SET UNLOGGED / SET ACCESS METHOD that rewrites the table. */
  private static List<Finding> alterTable(Context c) {
    AlterTable at = TableSyntax.alterTable(c);
    if (at == null || !c.existing(at.table())) return List.of();
    String what = null;
    for (AlterTableAction a : at.actions()) {
      String action = a instanceof AlterTableAction.SetTablespace ? "SET TABLESPACE"
          : a instanceof AlterTableAction.SetPersistence p ? (p.logged() ? "SET LOGGED" : "SET UNLOGGED")
          : a instanceof AlterTableAction.SetAccessMethod ? "SET ACCESS METHOD" : null;
      // Whether it rewrites is the lock model's verdict: the table's own tablespace, access method or
      // persistence again copies nothing.
      if (action != null && TableSyntax.facts(c, at, a).rewrite()) what = action;
    }
    if (what == null) return List.of();
    return List.of(Finding.of(INFO, c.statement().span(), what + " rewrites \"" + at.table() + "\" with reads and "
        + "writes blocked until every row is copied; the copy grows with the table"));
  }
}
