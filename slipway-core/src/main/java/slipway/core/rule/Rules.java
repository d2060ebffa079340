package slipway.core.rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every rule, listed once. A test fails if one lacks a doc page or a test. */
public final class Rules {
  private static final List<Rule> ALL = List.of(
      new CreateIndexBlocksWrites(),
      new ConcurrentlyInTransaction(),
      new ConcurrentlyOnPartitionedTable(),
      new ConcurrentIndexIfNotExists(),
      new AddColumnRewritesTable(),
      new AddColumnNotNullWithoutDefault(),
      new SetNotNullScansTable(),
      new AddForeignKeyBlocksWrites(),
      new AddCheckConstraintScansTable(),
      new AddUniqueConstraintBuildsIndex(),
      new AddExclusionConstraintBlocksTable(),
      new UniqueUsingNonUniqueIndex(),
      new ValidateInSameTransaction(),
      new ExclusiveLockHeldDuringScan(),
      new AlterColumnTypeRewritesTable(),
      new AlterColumnTypeUnderView(),
      new RewritesTable(),
      new ReindexBlocksWrites(),
      new DropIndexBlocksTable(),
      new RefreshMaterializedViewBlocksReads(),
      new DetachPartitionBlocks(),
      new AttachPartitionScansTable(),
      new CreatePartitionScansDefault(),
      new PrimaryKeySetsNotNull(),
      new LockTableBlocks(),
      new AlterDomainAddConstraintScans(),
      new EnumAddValueInTransaction(),
      new UnbatchedDataChange(),
      new BatchLoopWithoutCommit(),
      new MixedSchemaAndData(),
      new RenameColumnBreaksApp(),
      new RenameTableBreaksApp(),
      new DropColumnBreaksApp(),
      new DropTableBreaksApp(),
      new DropFailsOnDependents(),
      new TruncateBlocksAndDeletes(),
      new UncommittedTransaction(),
      new TransactionNesting(),
      new LockTimeoutMissing(),
      new PreferBigintPrimaryKey(),
      new PreferIdentity(),
      new PreferText(),
      new PreferTimestamptz(),
      new PreferJsonb(),
      new LockExceedsThirtySeconds(),
      new InvalidSuppression());

  private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();

  static {
    for (Rule r : ALL) BY_ID.put(r.info().id(), r);
  }

  private Rules() {}

  public static List<Rule> all() {
    return ALL;
  }

  public static Rule byId(String id) {
    return BY_ID.get(id);
  }
}
