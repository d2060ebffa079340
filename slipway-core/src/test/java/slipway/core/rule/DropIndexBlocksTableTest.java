package slipway.core.rule;

import org.junit.jupiter.api.Test;

class DropIndexBlocksTableTest {
  RuleTester tester = RuleTester.of(new DropIndexBlocksTable());

  @Test void flagsPlainDrop() {
    tester.check("""
        -- expect: drop-index-blocks-table
        DROP INDEX orders_customer_idx;
        """);
  }

  @Test void allowsConcurrentlyAndNewTable() {
    tester.check("""
        DROP INDEX CONCURRENTLY orders_customer_idx;
        CREATE TABLE r (x int); CREATE INDEX r_x ON r (x); DROP INDEX r_x;
        """);
  }

  @Test void fixAddsConcurrently() {
    tester.fix("""
        DROP INDEX IF EXISTS orders_customer_idx;
        """, """
        DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx;
        """);
  }

  @Test void insteadKeepsTheNamesAsWritten() {
    tester.check("""
        -- expect: drop-index-blocks-table DROP INDEX CONCURRENTLY IF EXISTS app."Idx"
        DROP INDEX IF EXISTS app."Idx";
        """);
  }
}
