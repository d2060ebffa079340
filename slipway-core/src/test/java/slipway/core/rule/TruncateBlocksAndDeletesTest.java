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

  @Test void pointsAtEachExistingTable() {
    java.util.List<Finding> f = tester.lint("V2__t.sql", "CREATE TABLE tmp_new (x int);\nTRUNCATE tmp_new,\n  orders;");
    org.junit.jupiter.api.Assertions.assertEquals(1, f.size());
    org.junit.jupiter.api.Assertions.assertEquals(3, f.get(0).span().line());
    org.junit.jupiter.api.Assertions.assertEquals(3, f.get(0).span().column());
  }
}
