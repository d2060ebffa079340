package slipway.core.rule;

import org.junit.jupiter.api.Test;

class RewritesTableTest {
  RuleTester tester = RuleTester.of(new RewritesTable()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);");

  @Test void flagsRewrites() {
    tester.check("""
        -- expect: table-rewrite-blocks-reads VACUUM FULL
        VACUUM FULL orders;
        -- expect: table-rewrite-blocks-reads
        VACUUM (FULL, ANALYZE) orders;
        -- expect: table-rewrite-blocks-reads CLUSTER
        CLUSTER orders USING orders_pkey;
        -- expect: table-rewrite-blocks-reads SET TABLESPACE
        ALTER TABLE orders SET TABLESPACE fast;
        -- expect: table-rewrite-blocks-reads SET UNLOGGED
        ALTER TABLE orders SET UNLOGGED;
        -- expect: table-rewrite-blocks-reads SET ACCESS METHOD
        ALTER TABLE orders SET ACCESS METHOD columnar;
        -- expect: table-rewrite-blocks-reads every table in the database
        VACUUM FULL;
        """);
  }

  @Test void asksTheLockModelWhetherAnAlterTableRewrites() {
    // Already logged, already in pg_default, already heap: the lock model says nothing is copied.
    tester.check("""
        ALTER TABLE orders SET LOGGED;
        ALTER TABLE orders SET TABLESPACE pg_default;
        ALTER TABLE orders SET ACCESS METHOD heap;
        -- expect: table-rewrite-blocks-reads SET UNLOGGED
        ALTER TABLE orders SET (fillfactor = 70), SET UNLOGGED;
        """);
  }

  @Test void allowsPlainVacuumAndNewTables() {
    tester.check("""
        VACUUM ANALYZE orders;
        VACUUM (FULL false) orders;
        -- The lock model has no proven row for CLUSTER without a table (it re-clusters only tables
        -- clustered before): no rewrite is claimed.
        CLUSTER;
        CREATE TABLE r (x int); ALTER TABLE r SET UNLOGGED;
        """);
  }

}
