package slipway.core.rule;

import java.util.List;

/** VACUUM FULL, CLUSTER, and ALTER TABLE SET TABLESPACE / SET LOGGED / SET UNLOGGED / SET ACCESS METHOD. */
public final class RewritesTable implements Rule {
  static final RuleInfo INFO = new RuleInfo("table-rewrite-blocks-reads",
      "Statement rewrites the whole table with reads and writes blocked", Severity.ERROR, PgVersions.ALL,
      "VACUUM FULL, CLUSTER, SET TABLESPACE, SET LOGGED/UNLOGGED and SET ACCESS METHOD copy every row into a "
          + "new file while holding an ACCESS EXCLUSIVE lock: reads and writes wait for the whole copy.",
      "-- reclaim space online with pg_repack (pg_repack --table orders), or plain VACUUM (no long lock)");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    Statement s = c.statement();
    String what = null;
    Statement.Name table = null;
    if (s.startsWith("VACUUM")) {
      int f = s.findAnywhere(1, "FULL");
      boolean full = s.matches(1, "FULL") || (s.matches(1, "(") && f > 0 && f < s.closeParen(1)
          && !s.matches(f + 1, "FALSE") && !s.matches(f + 1, "OFF"));
      if (!full) return List.of();
      int i = s.matches(1, "(") ? s.closeParen(1) : 2;
      while (s.matches(i, "FREEZE") || s.matches(i, "VERBOSE") || s.matches(i, "ANALYZE")) i++;
      table = s.nameAt(i);
      what = "VACUUM FULL";
    } else if (s.startsWith("CLUSTER")) {
      int i = 1;
      if (s.matches(i, "VERBOSE")) i++;
      if (s.matches(i, "(")) i = s.closeParen(i);
      table = s.nameAt(i);
      what = "CLUSTER";
    } else {
      AlterTable at = AlterTable.of(s);
      if (at == null) return List.of();
      for (AlterTable.Action a : at.actions()) {
        if (a.is("SET", "TABLESPACE")) what = "SET TABLESPACE";
        else if (a.is("SET", "LOGGED") || a.is("SET", "UNLOGGED")) what = a.text().toUpperCase();
        else if (a.is("SET", "ACCESS", "METHOD")) what = "SET ACCESS METHOD";
      }
      table = at.table();
      if (s.startsWith("ALTER", "TABLE", "ALL")) return List.of();
    }
    if (what == null) return List.of();
    if (table != null && !c.existing(table)) return List.of();
    String on = table == null ? "every table in the database" : "\"" + table + "\"";
    return List.of(Finding.of(INFO, s.span(), what + " rewrites " + on + " with reads and writes blocked until "
        + "every row is copied; the copy grows with the table"));
  }
}
