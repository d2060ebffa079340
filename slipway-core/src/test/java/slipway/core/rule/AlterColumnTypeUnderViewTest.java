package slipway.core.rule;

import org.junit.jupiter.api.Test;

class AlterColumnTypeUnderViewTest {
  RuleTester tester = RuleTester.of(new AlterColumnTypeUnderView()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);", "CREATE VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;");

  @Test void flagsColumnUsedByView() {
    tester.check("""
        -- expect: alter-column-type-under-view order_totals
        ALTER TABLE orders ALTER COLUMN total TYPE bigint;
        """);
  }

  @Test void allowsOtherColumnsAndDroppedView() {
    tester.check("""
        ALTER TABLE orders ALTER COLUMN note TYPE varchar(10);
        DROP VIEW order_totals;
        ALTER TABLE orders ALTER COLUMN total TYPE bigint;
        """);
  }

}
