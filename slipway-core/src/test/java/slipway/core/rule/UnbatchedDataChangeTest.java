package slipway.core.rule;

import org.junit.jupiter.api.Test;

class UnbatchedDataChangeTest {
  RuleTester tester = RuleTester.of(new UnbatchedDataChange()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);");

  @Test void flagsWholeTableChanges() {
    tester.check("""
        -- expect: unbatched-data-change region IS DISTINCT FROM ('us-east-1')
        UPDATE orders SET region = 'us-east-1';
        -- expect: unbatched-data-change unbounded
        UPDATE orders SET region = 'us-east-1' WHERE region IS NULL;
        -- expect: unbatched-data-change
        DELETE FROM orders WHERE total < 0;
        -- expect: unbatched-data-change
        DELETE FROM orders WHERE note = 'x' OR total > 5;
        -- expect: unbatched-data-change
        UPDATE orders SET region = 'eu' WHERE region = 'pending';
        """);
  }

  @Test void allowsBatchesKeysAndNewTables() {
    tester.check("""
        UPDATE orders SET region = 'x' WHERE id IN (SELECT id FROM orders WHERE region IS NULL LIMIT 5000);
        UPDATE orders SET region = 'x' WHERE id = 42;
        DELETE FROM orders WHERE customer_id IN (1, 2, 3);
        DELETE FROM orders WHERE note_key = 'scan_all_policy';
        CREATE TABLE r (x int); UPDATE r SET x = 1;
        """);
  }

  @Test void allowsSmallTablesWhenSizesAreKnown() {
    tester.stats(new Stats(java.util.Map.of("orders", new Stats.TableStats("orders", 5000, 1 << 20, 0, 0, 0)))).check("""
        UPDATE orders SET region = 'us-east-1';
        """);
  }

  @Test void aSelectForUpdateInACteIsNotAnUpdate() {
    tester.check("""
        WITH b AS (SELECT id FROM orders LIMIT 10) SELECT * FROM orders FOR UPDATE SKIP LOCKED;
        -- expect: unbatched-data-change WHERE id IN (SELECT id FROM orders WHERE total < 0 LIMIT 5000)
        DELETE FROM orders WHERE total < 0 RETURNING id;
        """);
  }
}
