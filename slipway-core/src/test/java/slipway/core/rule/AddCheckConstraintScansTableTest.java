package slipway.core.rule;

import org.junit.jupiter.api.Test;

class AddCheckConstraintScansTableTest {
  RuleTester tester = RuleTester.of(new AddCheckConstraintScansTable()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);");

  @Test void flagsValidatedCheck() {
    tester.check("""
        -- expect: add-check-constraint-scans-table every row is checked
        ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0);
        """);
  }

  @Test void allowsNotValidAndNewTable() {
    tester.check("""
        ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0) NOT VALID;
        CREATE TABLE r (x int); ALTER TABLE r ADD CONSTRAINT x_pos CHECK (x > 0);
        """);
  }

  @Test void fixAddsNotValidThenValidate() {
    tester.fix("""
        ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0);
        """, """
        ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT total_positive;
        """);
  }

}
