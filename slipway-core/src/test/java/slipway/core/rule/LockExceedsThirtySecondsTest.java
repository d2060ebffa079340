package slipway.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LockExceedsThirtySecondsTest {
  static Stats sized(long rows, long bytes) {
    return new Stats(Map.of("orders", new Stats.TableStats("orders", rows, bytes, 10, 5, 1)));
  }

  RuleTester tester = RuleTester.of(new UnbatchedDataChange(), new CreateIndexBlocksWrites())
      .given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region text);");

  @Test void flagsAWarningThatBlocksLongerThanThirtySeconds() {
    tester.stats(sized(48_000_000, 31L << 30)).check("""
        -- expect: unbatched-data-change 48M rows
        -- expect: lock-exceeds-30-seconds over 5 min: needs batched execution
        UPDATE orders SET region = 'us-east-1';
        """);
  }

  @Test void errorsGetTheConcreteDurationAndNoDuplicate() {
    List<Finding> f = tester.stats(sized(48_000_000, 31L << 30))
        .lint("CREATE INDEX orders_customer_idx ON orders (customer_id);");
    assertEquals(1, f.size(), f.toString());
    assertTrue(f.get(0).message().contains("\"orders\" (48M rows, 31 GB): about 60 s with writes blocked; over 30 s"),
        f.get(0).message());
  }

  @Test void smallTablesPass() {
    List<Finding> f = tester.stats(sized(20_000, 4L << 20)).lint("CREATE INDEX orders_customer_idx ON orders (customer_id);");
    assertEquals(Severity.INFO, f.get(0).severity(), "under 30 s the build is safe in a normal deploy: " + f);
  }
}
