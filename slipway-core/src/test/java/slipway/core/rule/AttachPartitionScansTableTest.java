package slipway.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttachPartitionScansTableTest {
  static final String EVENTS = """
      CREATE TABLE events (id bigint, created_at timestamptz) PARTITION BY RANGE (created_at);
      CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
      CREATE TABLE events_2024 (id bigint, created_at timestamptz);
      """;

  RuleTester tester = RuleTester.of(new AttachPartitionScansTable()).given(EVENTS);

  @Test void flagsAttachOfAnExistingTableWithoutACheck() {
    tester.check("""
        -- expect: attach-partition-scans-table created_at IS NOT NULL AND created_at >= '2024-01-01' AND created_at < '2025-01-01'
        ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        """);
  }

  @Test void recipeIsWrittenInTheUsersNames() {
    List<Finding> f = tester.lint("ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');");
    assertEquals(1, f.size());
    assertEquals("""
        ALTER TABLE events_2024 ADD CONSTRAINT events_2024_partition_check CHECK (created_at IS NOT NULL AND created_at >= '2024-01-01' AND created_at < '2025-01-01') NOT VALID;
        ALTER TABLE events_2024 VALIDATE CONSTRAINT events_2024_partition_check;
        ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        ALTER TABLE events_2024 DROP CONSTRAINT events_2024_partition_check;""", f.get(0).instead());
    // The recipe is clean: no scan once the CHECK is validated.
    assertEquals(List.of(), RuleTester.of(new AttachPartitionScansTable()).given(EVENTS).lint(f.get(0).instead()));
  }

  @Test void passesWhenAValidatedCheckImpliesTheBound() {
    tester.check("""
        ALTER TABLE events_2024 ADD CONSTRAINT b CHECK (created_at IS NOT NULL AND created_at >= '2024-01-01' AND created_at < '2025-01-01') NOT VALID;
        ALTER TABLE events_2024 VALIDATE CONSTRAINT b;
        ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        """);
  }

  @Test void aCheckThatIsNotValidatedDoesNotHelp() {
    tester.check("""
        ALTER TABLE events_2024 ADD CONSTRAINT b CHECK (created_at IS NOT NULL AND created_at >= '2024-01-01' AND created_at < '2025-01-01') NOT VALID;
        -- expect: attach-partition-scans-table
        ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        """);
  }

  @Test void aCheckWithoutNotNullOnTheKeyStillScans() {
    // PostgreSQL needs the key proven NOT NULL too (a range partition holds no NULL key): it scans.
    tester.check("""
        ALTER TABLE events_2024 ADD CONSTRAINT b CHECK (created_at >= '2024-01-01' AND created_at < '2025-01-01');
        -- expect: attach-partition-scans-table
        ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        """);
  }

  @Test void passesATableCreatedInTheSameMigration() {
    tester.check("""
        CREATE TABLE events_2025 (id bigint, created_at timestamptz);
        ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        """);
  }

  @Test void flagsAnOldTableAttachedToANewPartitionedTable() {
    RuleTester.of(new AttachPartitionScansTable()).given("CREATE TABLE orders (id bigint, region text);").check("""
        CREATE TABLE orders_p (id bigint, region text) PARTITION BY LIST (region);
        -- expect: attach-partition-scans-table region IS NOT NULL AND region IN ('eu', 'us')
        ALTER TABLE orders_p ATTACH PARTITION orders FOR VALUES IN ('eu', 'us');
        """);
  }

  @Test void hashPartitionRecipeUsesSatisfiesHashPartition() {
    RuleTester.of(new AttachPartitionScansTable()).given("""
        CREATE TABLE accounts (id bigint, tenant int) PARTITION BY HASH (tenant);
        CREATE TABLE accounts_0 (id bigint, tenant int);
        """).check("""
        -- expect: attach-partition-scans-table satisfies_hash_partition('accounts'::regclass, 4, 0, tenant)
        ALTER TABLE accounts ATTACH PARTITION accounts_0 FOR VALUES WITH (MODULUS 4, REMAINDER 0);
        """);
  }

  @Test void flagsAttachingADefaultPartition() {
    tester.given("CREATE TABLE events_old (id bigint, created_at timestamptz);").check("""
        -- expect: attach-partition-scans-table NOT (created_at IS NOT NULL AND created_at >= '2023-01-01' AND created_at < '2024-01-01')
        ALTER TABLE events ATTACH PARTITION events_old DEFAULT;
        """);
  }

  @Test void flagsTheScanOfAnExistingDefaultPartition() {
    RuleTester.of(new AttachPartitionScansTable()).given("""
        CREATE TABLE events (id bigint, created_at timestamptz) PARTITION BY RANGE (created_at);
        CREATE TABLE events_default PARTITION OF events DEFAULT;
        """).check("""
        CREATE TABLE events_2024 (id bigint, created_at timestamptz);
        -- expect: attach-partition-scans-table default partition "events_default"
        ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        """);
  }

  @Test void passesWhenTheDefaultPartitionExcludesTheNewBound() {
    RuleTester.of(new AttachPartitionScansTable()).given("""
        CREATE TABLE events (id bigint, created_at timestamptz) PARTITION BY RANGE (created_at);
        CREATE TABLE events_default PARTITION OF events DEFAULT;
        ALTER TABLE events_default ADD CONSTRAINT events_default_partition_check
          CHECK (NOT (created_at IS NOT NULL AND created_at >= '2024-01-01' AND created_at < '2025-01-01'));
        """).check("""
        CREATE TABLE events_2024 (id bigint, created_at timestamptz);
        ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        """);
  }

  @Test void quotesNamesThatNeedIt() {
    RuleTester.of(new AttachPartitionScansTable()).given("""
        CREATE TABLE "Events" ("createdAt" date) PARTITION BY RANGE ("createdAt");
        CREATE TABLE "Events_2024" ("createdAt" date);
        """).check("""
        -- expect: attach-partition-scans-table ALTER TABLE "Events_2024" ADD CONSTRAINT "Events_2024_partition_check" CHECK ("createdAt" IS NOT NULL AND "createdAt" >= '2024-01-01'
        ALTER TABLE "Events" ATTACH PARTITION "Events_2024" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        """);
  }

  @Test void ignoresAlterIndexAttachPartition() {
    tester.check("""
        ALTER INDEX events_created_at_idx ATTACH PARTITION events_2024_created_at_idx;
        """);
  }
}
