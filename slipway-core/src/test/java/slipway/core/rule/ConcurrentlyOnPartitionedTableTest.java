package slipway.core.rule;

import org.junit.jupiter.api.Test;

class ConcurrentlyOnPartitionedTableTest {
  RuleTester tester = RuleTester.of(new ConcurrentlyOnPartitionedTable()).given("CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at);");

  @Test void flagsPartitionedParent() {
    tester.check("""
        -- expect: concurrently-on-partitioned-table ATTACH PARTITION
        CREATE INDEX CONCURRENTLY events_at ON events (at);
        """);
  }

  @Test void allowsPlainTableAndOnly() {
    tester.check("""
        CREATE INDEX CONCURRENTLY orders_c ON orders (customer_id);
        CREATE INDEX events_at ON ONLY events (at);
        """);
  }

}
