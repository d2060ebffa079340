package slipway.core.rule;

import org.junit.jupiter.api.Test;

class LockTableBlocksTest {
  RuleTester tester = RuleTester.of(new LockTableBlocks());

  @Test void flagsBlockingModes() {
    tester.check("""
        -- expect: lock-table-blocks-queries reads and writes
        LOCK TABLE orders;
        -- expect: lock-table-blocks-queries writes
        LOCK orders IN SHARE MODE;
        """);
  }

  @Test void allowsWeakModesAndNewTables() {
    tester.check("""
        LOCK TABLE orders IN ROW EXCLUSIVE MODE;
        LOCK TABLE orders IN SHARE UPDATE EXCLUSIVE MODE;
        CREATE TABLE r (x int); LOCK TABLE r;
        """);
  }

}
