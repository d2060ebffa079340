package slipway.core.rule;

import org.junit.jupiter.api.Test;

class LockTimeoutMissingTest {
  RuleTester tester = RuleTester.of(new LockTimeoutMissing());

  @Test void flagsFirstStrongLockOnly() {
    tester.check("""
        -- expect: lock-timeout-missing
        ALTER TABLE orders ADD COLUMN x int;
        ALTER TABLE orders ADD COLUMN y int;
        """);
  }

  @Test void allowsWithTimeout() {
    tester.check("""
        SET lock_timeout = '2s';
        ALTER TABLE orders ADD COLUMN x int;
        """);
  }

  @Test void whoQueuesComesFromTheLockModel() {
    tester.check("""
        -- expect: lock-timeout-missing every write on the table
        CREATE INDEX i ON orders (customer_id);
        """);
    // SHARE UPDATE EXCLUSIVE (autovacuum settings, statistics) blocks neither reads nor writes.
    tester.check("""
        ALTER TABLE orders SET (autovacuum_enabled = false);
        ALTER TABLE orders ALTER COLUMN total SET STATISTICS 500;
        """);
  }

  @Test void aLockTimeoutSetLocallyCounts() {
    tester.check("""
        SET LOCAL lock_timeout TO '1s';
        DROP INDEX orders_customer_idx;
        """);
  }
}
