package slipway.core.rule;

import org.junit.jupiter.api.Test;

class ConcurrentlyInTransactionTest {
  RuleTester tester = RuleTester.of(new ConcurrentlyInTransaction());

  @Test void flagsExplicitTransaction() {
    tester.check("""
        BEGIN;
        -- expect: concurrently-in-transaction inside BEGIN
        CREATE INDEX CONCURRENTLY i ON orders (customer_id);
        COMMIT;
        CREATE INDEX CONCURRENTLY j ON orders (id);
        """);
  }

  @Test void flagsRunnerWrapping() {
    tester.inTransaction().check("""
        -- expect: concurrently-in-transaction runner
        DROP INDEX CONCURRENTLY i;
        -- expect: concurrently-in-transaction
        REINDEX INDEX CONCURRENTLY j;
        """);
  }

  @Test void runnerOptOutIsHonoured() {
    tester.inTransaction().check("""
        -- +goose NO TRANSACTION
        CREATE INDEX CONCURRENTLY i ON orders (customer_id);
        """);
  }

  @Test void allowsOutsideTransaction() {
    tester.check("CREATE INDEX CONCURRENTLY i ON orders (customer_id); DROP INDEX CONCURRENTLY i;");
  }

  @Test void everyStatementTheLockModelSaysCannotRunInABlock() {
    tester.inTransaction().check("""
        -- expect: concurrently-in-transaction VACUUM
        VACUUM orders;
        -- expect: concurrently-in-transaction REINDEX SCHEMA
        REINDEX SCHEMA app;
        -- expect: concurrently-in-transaction ALTER SYSTEM
        ALTER SYSTEM SET work_mem = '64MB';
        -- expect: concurrently-in-transaction DROP DATABASE
        DROP DATABASE old_app;
        ANALYZE orders;
        REINDEX TABLE orders;
        """);
  }
}
