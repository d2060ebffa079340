package slipway.core.rule;

import java.util.List;

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
    CreateIndex ci = CreateIndex.of(c.statement());
    if (ci == null || !ci.concurrently()) return List.of();
    if (!c.partitioned(ci.table())) return List.of();
    String idx = ci.name() == null ? ci.table().simple() + "_idx" : ci.name().raw();
    return List.of(Finding.of(INFO, c.statement().span(), "fails: \"" + ci.table() + "\" is partitioned")
        .instead("CREATE INDEX " + idx + " ON ONLY " + ci.table().raw() + " (…);\n"
            + "CREATE INDEX CONCURRENTLY <partition>_idx ON <partition> (…);  -- for each partition\n"
            + "ALTER INDEX " + idx + " ATTACH PARTITION <partition>_idx;"));
  }
}
