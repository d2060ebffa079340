package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;

/** TRUNCATE of an existing table. */
public final class TruncateBlocksAndDeletes implements Rule {
  static final RuleInfo INFO = new RuleInfo("truncate-deletes-data",
      "TRUNCATE deletes every row and blocks reads and writes", Severity.WARNING, PgVersions.ALL,
      "TRUNCATE takes an ACCESS EXCLUSIVE lock (reads and writes wait, and queue behind any long query) and "
          + "removes every row for good; with CASCADE it also empties every table that references it.",
      "DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at < now() LIMIT 5000);  "
          + "-- in batches, or keep TRUNCATE for tables nobody uses");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    Statement s = c.statement();
    if (!s.startsWith("TRUNCATE") || c.downMigration()) return out;
    int i = s.matches(1, "TABLE") ? 2 : 1;
    if (s.matches(i, "ONLY")) i++;
    for (Statement.Name n : Names.list(s, i)) {
      if (!c.existing(n)) continue;
      out.add(Finding.of(INFO, s.spanOf(n.start(), n.end()), "deletes every row of \"" + n + "\" with reads and "
          + "writes blocked" + (s.contains("CASCADE") ? ", and CASCADE empties every table that references it" : "")));
    }
    return out;
  }
}
