package slipway.core.rule;

import org.junit.jupiter.api.Test;

class ReindexBlocksWritesTest {
  RuleTester tester = RuleTester.of(new ReindexBlocksWrites());

  @Test void flagsPlainReindex() {
    tester.check("""
        -- expect: reindex-blocks-writes
        REINDEX INDEX orders_customer_idx;
        -- expect: reindex-blocks-writes
        REINDEX TABLE orders;
        """);
  }

  @Test void allowsConcurrently() {
    tester.check("""
        REINDEX INDEX CONCURRENTLY orders_customer_idx;
        REINDEX (VERBOSE) TABLE CONCURRENTLY orders;
        """);
  }

  @Test void fixAddsConcurrently() {
    tester.fix("""
        REINDEX INDEX orders_customer_idx;
        """, """
        REINDEX INDEX CONCURRENTLY orders_customer_idx;
        """);
  }

  @Test void fixGoesAfterTheTargetKeyWord() {
    tester.fix("""
        REINDEX (VERBOSE) TABLE "Orders";
        """, """
        REINDEX (VERBOSE) TABLE CONCURRENTLY "Orders";
        """);
  }
}
