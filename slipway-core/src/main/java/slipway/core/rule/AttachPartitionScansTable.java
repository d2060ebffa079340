package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.catalog.Catalog;
import slipway.core.lock.StatementFacts;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.QualifiedName;

/**
 * ATTACH PARTITION of an existing table without a validated CHECK that implies the bound (the lock model's
 * {@code alter-table-attach-partition} / {@code alter-table-attach-default-partition}), or next to a default
 * partition ({@code alter-table-attach-partition-scans-default}): the table is scanned under ACCESS EXCLUSIVE.
 */
public final class AttachPartitionScansTable implements Rule {
  static final RuleInfo INFO = new RuleInfo("attach-partition-scans-table",
      "ATTACH PARTITION scans the partition with reads and writes blocked", Severity.ERROR, PgVersions.ALL,
      "ATTACH PARTITION holds an ACCESS EXCLUSIVE lock on the table being attached while it reads every row to "
          + "check it fits the partition bound, and on a DEFAULT partition of the parent while it checks that no "
          + "row belongs to the new partition: reads and writes of those tables wait for the whole scan. A validated "
          + "CHECK constraint that implies the bound lets PostgreSQL skip the scan, and such a CHECK can be added "
          + "NOT VALID and validated without blocking.",
      "ALTER TABLE events_2024 ADD CONSTRAINT events_2024_partition_check\n"
          + "  CHECK (created_at IS NOT NULL AND created_at >= '2024-01-01' AND created_at < '2025-01-01') NOT VALID;\n"
          + "ALTER TABLE events_2024 VALIDATE CONSTRAINT events_2024_partition_check;\n"
          + "ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n"
          + "ALTER TABLE events_2024 DROP CONSTRAINT events_2024_partition_check;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    if (!(c.syntax() instanceof AlterTable at) || !at.objectType().equals("TABLE")) return out;
    String parent = SqlText.name(at.table());
    for (AlterTableAction a : at.actions()) {
      if (!(a instanceof AlterTableAction.AttachPartition ap) || ap.bound() == null) continue;
      StatementFacts f = c.factsOf(parent, SqlText.text(c, a.span()), at.actions().size());
      boolean scansPartition = f.facts().contains("alter-table-attach-partition")
          || f.facts().contains("alter-table-attach-default-partition");
      String part = SqlText.name(ap.partition());
      List<String> problems = new ArrayList<>();
      List<String> steps = new ArrayList<>();
      if (scansPartition && c.existing(ap.partition())) {
        problems.add("\"" + ap.partition() + "\"" + SqlText.lockedAs(f, ap.partition().name()) + " while every row is checked "
            + "against the partition bound");
        PartitionBound bound = PartitionBound.of(ap.bound());
        String cond = bound == null ? null : bound.kind().equals("DEFAULT") ? excludingSiblings(c, at.table())
            : bound.condition(keyColumn(c, at.table()), parent);
        steps.add(recipe(part, ap.partition().name(), cond, "the partition bound " + ap.bound()));
      }
      if (f.facts().contains("alter-table-attach-partition-scans-default")) {
        Catalog.Relation dflt = defaultPartition(c, at.table());
        if (dflt != null && !c.catalog().isNewInThisMigration(dflt.name)) {
          problems.add("the default partition \"" + dflt.name.display() + "\"" + SqlText.lockedAs(f, dflt.name.name())
              + " while it is checked for rows that belong to the new partition");
          PartitionBound bound = PartitionBound.of(ap.bound());
          String cond = bound == null ? null : bound.condition(keyColumn(c, at.table()), parent);
          steps.add(recipe(SqlText.ident(dflt.name.name()), dflt.name.name(), cond == null ? null : "NOT (" + cond + ")",
              "no row of the new partition: NOT (" + ap.bound() + ")"));
        }
      }
      if (problems.isEmpty()) continue;
      String attach = "ALTER TABLE " + parent + " ATTACH PARTITION " + part + " " + ap.bound();
      StringBuilder instead = new StringBuilder();
      for (String s : steps) instead.append(s.split("\n-- then:\n")[0]).append('\n');
      instead.append(attach).append(';');
      for (String s : steps) instead.append('\n').append(s.split("\n-- then:\n")[1]);
      out.add(Finding.of(INFO, c.statement().inFile(a.span()), String.join("; ", problems)
          + "; the scan grows with the table").instead(instead.toString()));
    }
    return out;
  }

  /** The parent's single partition-key column, or null (several columns, an expression, unknown parent). */
  static String keyColumn(Context c, QualifiedName parent) {
    Catalog.Relation r = c.relation(parent);
    if (r == null || r.partitionKey.size() != 1) return null;
    return r.partitionKey.get(0);
  }

  /** NOT (the other partitions' bounds): what a default partition holds; null when a bound cannot be written. */
  private static String excludingSiblings(Context c, QualifiedName parent) {
    Catalog.Relation r = c.relation(parent);
    String key = keyColumn(c, parent);
    if (r == null || key == null) return null;
    // As PostgreSQL writes a default partition's constraint, so that its proof sees the CHECK is the same:
    // NOT (k IS NOT NULL AND (range1 OR range2 …)), or NOT (k IS NOT NULL AND k IN (every listed value)).
    List<PartitionBound> bounds = new ArrayList<>();
    for (Catalog.Relation child : c.catalog().children(r.key)) {
      if (child.partitionBound == null || "DEFAULT".equals(child.partitionBound)) continue;
      PartitionBound b = PartitionBound.of(child.partitionBound);
      if (b == null || b.inner(key) == null) return null;
      bounds.add(b);
    }
    if (bounds.isEmpty()) return null;
    String k = SqlText.ident(key);
    if (bounds.stream().allMatch(b -> b.kind().equals("LIST"))) {
      List<String> values = new ArrayList<>();
      for (PartitionBound b : bounds) values.addAll(b.listValues());
      return "NOT (" + k + " IS NOT NULL AND " + k + " IN (" + String.join(", ", values) + "))";
    }
    if (!bounds.stream().allMatch(b -> b.kind().equals("RANGE"))) return null;
    if (bounds.size() == 1) return "NOT (" + k + " IS NOT NULL AND " + bounds.get(0).inner(key) + ")";
    List<String> ranges = new ArrayList<>();
    for (PartitionBound b : bounds) ranges.add("(" + b.inner(key) + ")");
    return "NOT (" + k + " IS NOT NULL AND (" + String.join(" OR ", ranges) + "))";
  }

  static Catalog.Relation defaultPartition(Context c, QualifiedName parent) {
    Catalog.Relation r = c.relation(parent);
    if (r == null) return null;
    for (Catalog.Relation child : c.catalog().children(r.key)) {
      if ("DEFAULT".equals(child.partitionBound)) return child;
    }
    return null;
  }

  /** CHECK … NOT VALID and VALIDATE, then (after "-- then:") the DROP once attached. */
  static String recipe(String table, String simpleName, String condition, String what) {
    String cname = SqlText.ident(Names.constraint(simpleName, "partition", "check"));
    String check = condition != null ? condition : "/* a condition that implies " + what + " */";
    return "ALTER TABLE " + table + " ADD CONSTRAINT " + cname + " CHECK (" + check + ") NOT VALID;\n"
        + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + cname + ";"
        + "\n-- then:\n"
        + "ALTER TABLE " + table + " DROP CONSTRAINT " + cname + ";";
  }
}
