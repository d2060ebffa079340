package slipway.core.rule;

import java.util.List;
import slipway.core.catalog.Catalog;
import slipway.core.lock.StatementFacts;
import slipway.core.sql.syntax.CreateTable;

/**
 * CREATE TABLE … PARTITION OF a partitioned table that has a DEFAULT partition with rows: PostgreSQL
 * reads the default partition for rows of the new one while the whole partitioned table is locked
 * ACCESS EXCLUSIVE (lock model fact {@code create-table-partition-of-scans-default}).
 */
public final class CreatePartitionScansDefault implements Rule {
  static final RuleInfo INFO = new RuleInfo("create-partition-scans-default",
      "New partition scans the default partition with the whole table blocked", Severity.ERROR, PgVersions.ALL,
      "CREATE TABLE … PARTITION OF takes an ACCESS EXCLUSIVE lock on the partitioned table and, when the table "
          + "has a DEFAULT partition, reads every row of the default partition to check none belongs to the new "
          + "partition: reads and writes of every partition wait for the whole scan. A validated CHECK on the default "
          + "partition that excludes the new bound lets PostgreSQL skip the scan, and it can be added NOT VALID and "
          + "validated without blocking.",
      "ALTER TABLE events_default ADD CONSTRAINT events_default_partition_check\n"
          + "  CHECK (NOT (created_at IS NOT NULL AND created_at >= '2025-01-01' AND created_at < '2026-01-01')) NOT VALID;\n"
          + "ALTER TABLE events_default VALIDATE CONSTRAINT events_default_partition_check;\n"
          + "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');\n"
          + "ALTER TABLE events_default DROP CONSTRAINT events_default_partition_check;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (!(c.syntax() instanceof CreateTable ct) || ct.partitionOf() == null || ct.partitionBound() == null
        || "DEFAULT".equalsIgnoreCase(ct.partitionBound().trim())) return List.of();
    StatementFacts f = c.facts();
    if (!f.facts().contains("create-table-partition-of-scans-default")) return List.of();
    Catalog.Relation dflt = AttachPartitionScansTable.defaultPartition(c, ct.partitionOf());
    if (dflt == null || c.catalog().isNewInThisMigration(dflt.name)) return List.of();
    String parent = SqlText.name(ct.partitionOf());
    PartitionBound bound = PartitionBound.of(ct.partitionBound());
    String cond = bound == null ? null : bound.condition(AttachPartitionScansTable.keyColumn(c, ct.partitionOf()), parent);
    String[] steps = AttachPartitionScansTable.recipe(SqlText.ident(dflt.name.name()), dflt.name.name(),
        cond == null ? null : "NOT (" + cond + ")", "no row of the new partition: NOT (" + ct.partitionBound() + ")")
        .split("\n-- then:\n");
    return List.of(Finding.of(INFO, c.statement().span(), "\"" + ct.partitionOf() + "\"" + SqlText.lockedAs(f,
            ct.partitionOf().name()) + " while the default partition \"" + dflt.name.display() + "\" is read for rows "
            + "that belong to the new partition; the scan grows with the default partition")
        .instead(steps[0] + "\n" + c.statement().text().strip() + ";\n" + steps[1]));
  }
}
