package slipway.core.rule;

import org.junit.jupiter.api.Test;

class ReindexBlocksWritesTest {
  RuleTester tester = RuleTester.of(new ReindexBlocksWrites())
      .given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);",
          "CREATE INDEX orders_customer_idx ON orders (customer_id);");

  @Test void flagsMovingAnIndexToAnotherTablespace() {
    tester.check("""
        -- expect: reindex-blocks-writes reads and writes of "orders" wait while the index is copied to tablespace "fast"
        ALTER INDEX orders_customer_idx SET TABLESPACE fast;
        ALTER INDEX orders_customer_idx SET TABLESPACE pg_default;
        REINDEX (TABLESPACE fast) INDEX CONCURRENTLY orders_customer_idx;
        CREATE TABLE fresh (id int); CREATE INDEX fresh_id ON fresh (id);
        ALTER INDEX fresh_id SET TABLESPACE fast;
        """);
    var f = tester.lint("ALTER INDEX orders_customer_idx SET TABLESPACE fast;");
    org.junit.jupiter.api.Assertions.assertTrue(f.get(0).instead().startsWith(
        "REINDEX (TABLESPACE fast) INDEX CONCURRENTLY orders_customer_idx;"), f.get(0).instead());
  }

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
