package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.sql.syntax.Drop;
import slipway.core.sql.syntax.QualifiedName;

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
    if (!(c.syntax() instanceof Drop d) || d.names().isEmpty()) return out;
    Statement s = c.statement();
    boolean cascade = "CASCADE".equals(d.behavior());
    if (d.objectType().equals("SCHEMA") || d.objectType().equals("DATABASE")) {
      // DROP SCHEMA without CASCADE fails unless the schema is empty: nothing is lost.
      if (d.objectType().equals("SCHEMA") && !cascade) return out;
      out.add(Finding.of(INFO, s.span(), "drops " + d.objectType().toLowerCase(java.util.Locale.ROOT) + " \""
          + d.names().get(0) + "\"" + (cascade ? " and everything in it" : "") + "; the data cannot be brought back"));
      return out;
    }
    if (!d.objectType().equals("TABLE")) return out;
    for (int i = 0; i < d.names().size(); i++) {
      QualifiedName n = d.names().get(i);
      if (!c.existing(n)) continue;
      out.add(Finding.of(INFO, s.inFile(d.nameSpans().get(i)), "the running application may still query \"" + n
          + "\", and its rows cannot be brought back").instead("-- stop using \"" + n.name()
          + "\" in a release first; drop it in a later migration"));
    }
    return out;
  }
}
