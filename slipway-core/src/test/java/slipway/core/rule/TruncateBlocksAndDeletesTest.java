package slipway.core.rule;

import org.junit.jupiter.api.Test;

class TruncateBlocksAndDeletesTest {
  RuleTester tester = RuleTester.of(new TruncateBlocksAndDeletes()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);");

  @Test void flagsExistingTable() {
    tester.check("""
        -- expect: truncate-deletes-data CASCADE
        TRUNCATE orders CASCADE;
        """);
  }

  @Test void allowsNewTable() {
    tester.check("""
        CREATE TABLE tmp (x int); TRUNCATE tmp;
        """);
  }

}
