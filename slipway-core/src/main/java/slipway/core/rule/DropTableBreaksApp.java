package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;

/** DROP TABLE, DROP SCHEMA or DROP DATABASE of something that existed before this migration. */
public final class DropTableBreaksApp implements Rule {
  static final RuleInfo INFO = new RuleInfo("drop-table-breaks-app",
      "Dropping a table breaks the running application and loses its data", Severity.WARNING, PgVersions.ALL,
      "The running application may still query the table, and its rows cannot be brought back without a "
          + "restore. DROP also waits for an ACCESS EXCLUSIVE lock, queueing every query behind it.",
      "-- release 1: stop using the table; release 2:\n"
          + "ALTER TABLE legacy_events RENAME TO legacy_events_unused;  -- reversible; drop it weeks later");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    if (c.downMigration()) return out;
    Statement s = c.statement();
    if (s.startsWith("DROP", "SCHEMA") || s.startsWith("DROP", "DATABASE")) {
      String what = s.word(1).toLowerCase();
      Statement.Name n = s.nameAt(Names.afterIfExists(s, 2));
      if (n != null && !(s.startsWith("DROP", "SCHEMA") && !s.contains("CASCADE"))) {
        out.add(Finding.of(INFO, s.span(), "drops " + what + " \"" + n + "\""
            + (s.contains("CASCADE") ? " and everything in it" : "") + "; the data cannot be brought back"));
      }
      return out;
    }
    if (!s.startsWith("DROP", "TABLE")) return out;
    for (Statement.Name n : Names.list(s, Names.afterIfExists(s, 2))) {
      if (!c.existing(n)) continue;
      out.add(Finding.of(INFO, s.spanOf(n.start(), n.end()), "the running application may still query \"" + n
          + "\", and its rows cannot be brought back").instead("-- stop using \"" + n.simple()
          + "\" in a release first; drop it in a later migration"));
    }
    return out;
  }
}
