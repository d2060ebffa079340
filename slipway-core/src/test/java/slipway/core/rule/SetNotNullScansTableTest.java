package slipway.core.rule;

import org.junit.jupiter.api.Test;

class SetNotNullScansTableTest {
  RuleTester tester = RuleTester.of(new SetNotNullScansTable()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);");

  @Test void flagsExistingTable() {
    tester.check("""
        -- expect: set-not-null-scans-table checked for NULLs in "region"
        ALTER TABLE orders ALTER COLUMN region SET NOT NULL;
        """);
  }

  @Test void allowsAfterValidatedCheck() {
    tester.check("""
        ALTER TABLE orders ADD CONSTRAINT orders_region_nn CHECK (region IS NOT NULL) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT orders_region_nn;
        ALTER TABLE orders ALTER COLUMN region SET NOT NULL;
        """);
  }

  @Test void fixValidatesACheckFirst() {
    tester.fix("""
        ALTER TABLE orders ALTER COLUMN region SET NOT NULL;
        """, """
        ALTER TABLE orders ADD CONSTRAINT orders_region_not_null CHECK (region IS NOT NULL) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT orders_region_not_null;
        ALTER TABLE orders ALTER COLUMN region SET NOT NULL;
        ALTER TABLE orders DROP CONSTRAINT orders_region_not_null;
        """);
  }

}
