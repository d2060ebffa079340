package slipway.core.rule;

import org.junit.jupiter.api.Test;

class DetachPartitionBlocksTest {
  RuleTester tester = RuleTester.of(new DetachPartitionBlocks());

  @Test void flagsPlainDetach() {
    tester.check("""
        -- expect: detach-partition-blocks-parent
        ALTER TABLE events DETACH PARTITION events_2020;
        """);
  }

  @Test void allowsConcurrently() {
    tester.check("""
        ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;
        """);
  }

  @Test void fixAddsConcurrently() {
    tester.fix("""
        ALTER TABLE events DETACH PARTITION events_2020;
        """, """
        ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;
        """);
  }

}
