package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.sql.syntax.QualifiedName;
import slipway.core.sql.syntax.Truncate;

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
    if (!(c.syntax() instanceof Truncate t) || c.downMigration()) return out;
    // "reads and writes blocked" is the lock model's: TRUNCATE holds ACCESS EXCLUSIVE.
    if (!c.hasFact("truncate") || !c.facts().blocksReads()) return out;
    Statement s = c.statement();
    for (int i = 0; i < t.tables().size(); i++) {
      QualifiedName n = t.tables().get(i);
      if (!c.existing(n)) continue;
      out.add(Finding.of(INFO, s.inFile(t.tableSpans().get(i)), "deletes every row of \"" + n + "\" with reads and "
          + "writes blocked" + (t.cascade() ? ", and CASCADE empties every table that references it" : "")));
    }
    return out;
  }
}
