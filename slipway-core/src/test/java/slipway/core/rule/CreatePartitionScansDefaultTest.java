package slipway.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CreatePartitionScansDefaultTest {
  static final String EVENTS = """
      CREATE TABLE events (id bigint, created_at timestamptz) PARTITION BY RANGE (created_at);
      CREATE TABLE events_default PARTITION OF events DEFAULT;
      """;

  RuleTester tester = RuleTester.of(new CreatePartitionScansDefault()).given(EVENTS);

  @Test void flagsANewPartitionNextToADefaultPartition() {
    tester.check("""
        -- expect: create-partition-scans-default "events" is locked ACCESS EXCLUSIVE (reads and writes wait) while the default partition "events_default"
        CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        """);
  }

  @Test void recipeExcludesTheNewBoundFromTheDefaultPartitionFirst() {
    List<Finding> f = tester.lint("CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');");
    assertEquals("""
        ALTER TABLE events_default ADD CONSTRAINT events_default_partition_check CHECK (NOT (created_at IS NOT NULL AND created_at >= '2025-01-01' AND created_at < '2026-01-01')) NOT VALID;
        ALTER TABLE events_default VALIDATE CONSTRAINT events_default_partition_check;
        CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        ALTER TABLE events_default DROP CONSTRAINT events_default_partition_check;""", f.get(0).instead());
    assertEquals(List.of(), RuleTester.of(new CreatePartitionScansDefault()).given(EVENTS).lint(f.get(0).instead()));
  }

  @Test void passesWithoutADefaultPartition() {
    RuleTester.of(new CreatePartitionScansDefault())
        .given("CREATE TABLE events (id bigint, created_at timestamptz) PARTITION BY RANGE (created_at);").check("""
        CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        """);
  }

  @Test void passesWhenTheDefaultPartitionIsNew() {
    RuleTester.of(new CreatePartitionScansDefault()).check("""
        CREATE TABLE events (id bigint, created_at timestamptz) PARTITION BY RANGE (created_at);
        CREATE TABLE events_default PARTITION OF events DEFAULT;
        CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        """);
  }

  @Test void passesCreatingTheDefaultPartitionItself() {
    RuleTester.of(new CreatePartitionScansDefault())
        .given("CREATE TABLE events (id bigint, created_at timestamptz) PARTITION BY RANGE (created_at);").check("""
        CREATE TABLE events_default PARTITION OF events DEFAULT;
        """);
  }

  @Test void flagsAListPartition() {
    RuleTester.of(new CreatePartitionScansDefault()).given("""
        CREATE TABLE orders (id bigint, region text) PARTITION BY LIST (region);
        CREATE TABLE orders_other PARTITION OF orders DEFAULT;
        """).check("""
        -- expect: create-partition-scans-default NOT (region IS NOT NULL AND region IN ('jp', 'kr'))
        CREATE TABLE orders_asia PARTITION OF orders FOR VALUES IN ('jp', 'kr');
        """);
  }
}
