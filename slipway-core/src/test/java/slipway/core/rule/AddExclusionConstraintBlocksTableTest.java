package slipway.core.rule;

import org.junit.jupiter.api.Test;

class AddExclusionConstraintBlocksTableTest {
  RuleTester tester = RuleTester.of(new AddExclusionConstraintBlocksTable()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);");

  @Test void flagsExistingTable() {
    tester.check("""
        -- expect: add-exclusion-constraint-blocks-table
        ALTER TABLE orders ADD CONSTRAINT no_overlap EXCLUDE USING gist (customer_id WITH =);
        """);
  }

  @Test void allowsNewTable() {
    tester.check("""
        CREATE TABLE r (x int); ALTER TABLE r ADD CONSTRAINT no_overlap EXCLUDE USING gist (x WITH =);
        """);
  }

}
