package slipway.core.rule;

import java.util.List;
import slipway.core.sql.syntax.CreateIndex;

/** CREATE INDEX CONCURRENTLY on a partitioned parent: PostgreSQL refuses it. */
public final class ConcurrentlyOnPartitionedTable implements Rule {
  static final RuleInfo INFO = new RuleInfo("concurrently-on-partitioned-table",
      "CREATE INDEX CONCURRENTLY on a partitioned table fails", Severity.ERROR, PgVersions.ALL,
      "PostgreSQL cannot build an index CONCURRENTLY on a partitioned table "
          + "(ERROR: cannot create index on partitioned table … concurrently): the deploy fails.",
      "CREATE INDEX events_at_idx ON ONLY events (at);                 -- instant, invalid until attached\n"
          + "CREATE INDEX CONCURRENTLY events_2025_at_idx ON events_2025 (at);  -- each partition\n"
          + "ALTER INDEX events_at_idx ATTACH PARTITION events_2025_at_idx;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (!(c.syntax() instanceof CreateIndex ci) || !ci.concurrently()) return List.of();
    if (!c.partitioned(ci.table())) return List.of();
    Statement s = c.statement();
    String idx = ci.nameSpan() == null ? ci.table().name() + "_idx" : s.textOf(ci.nameSpan());
    return List.of(Finding.of(INFO, s.span(), "fails: \"" + ci.table() + "\" is partitioned")
        .instead("CREATE INDEX " + idx + " ON ONLY " + s.textOf(ci.tableSpan()) + " (…);\n"
            + "CREATE INDEX CONCURRENTLY <partition>_idx ON <partition> (…);  -- for each partition\n"
            + "ALTER INDEX " + idx + " ATTACH PARTITION <partition>_idx;"));
  }
}
