package slipway.core.rule;

import org.junit.jupiter.api.Test;

class DropTableBreaksAppTest {
  RuleTester tester = RuleTester.of(new DropTableBreaksApp()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);");

  @Test void flagsExistingTable() {
    tester.check("""
        -- expect: drop-table-breaks-app "orders"
        DROP TABLE orders;
        -- expect: drop-table-breaks-app
        DROP SCHEMA legacy CASCADE;
        """);
  }

  @Test void allowsNewTable() {
    tester.check("""
        CREATE TABLE tmp (x int); DROP TABLE tmp;
        """);
  }

}
