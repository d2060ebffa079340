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

  @Test void aColumnJustAddedWithoutADefaultFails() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN channel text;
        -- expect: set-not-null-scans-table fails unless "orders" is empty: "channel" was added at line 1 without a default
        ALTER TABLE orders ALTER COLUMN channel SET NOT NULL;
        ALTER TABLE orders ADD COLUMN origin text;
        ALTER TABLE orders ALTER COLUMN origin SET DEFAULT 'web';
        -- expect: set-not-null-scans-table fails unless "orders" is empty: "origin" was added at line 4
        ALTER TABLE orders ALTER COLUMN origin SET NOT NULL;
        """);
  }

  @Test void aColumnFilledOrDefaultedBeforeOnlyScans() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN channel text;
        UPDATE orders SET channel = 'web';
        -- expect: set-not-null-scans-table checked for NULLs in "channel"
        ALTER TABLE orders ALTER COLUMN channel SET NOT NULL;
        ALTER TABLE orders ADD COLUMN origin text DEFAULT 'web';
        -- expect: set-not-null-scans-table checked for NULLs in "origin"
        ALTER TABLE orders ALTER COLUMN origin SET NOT NULL;
        """);
  }
}
