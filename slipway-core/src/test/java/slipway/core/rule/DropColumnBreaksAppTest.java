package slipway.core.rule;

import org.junit.jupiter.api.Test;

class DropColumnBreaksAppTest {
  RuleTester tester = RuleTester.of(new DropColumnBreaksApp()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);");

  @Test void flagsDrop() {
    tester.check("""
        -- expect: drop-column-breaks-app "orders"."note"
        ALTER TABLE orders DROP COLUMN note;
        """);
  }

  @Test void allowsConstraintDefaultAndNewTable() {
    tester.check("""
        ALTER TABLE orders DROP CONSTRAINT orders_pkey, ALTER COLUMN region DROP DEFAULT;
        CREATE TABLE r (x int, y int); ALTER TABLE r DROP COLUMN y;
        """);
  }

}
