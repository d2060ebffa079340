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

}
