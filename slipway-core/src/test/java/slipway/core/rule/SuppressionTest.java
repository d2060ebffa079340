package slipway.core.rule;

import org.junit.jupiter.api.Test;

class SuppressionTest {
  RuleTester tester = RuleTester.of(new CreateIndexBlocksWrites());

  @Test void suppressionWithoutReasonIsReportedAndDoesNotApply() {
    tester.check("""
        -- expect: invalid-suppression gives no reason
        -- expect: create-index-blocks-writes
        -- slipway:ignore create-index-blocks-writes
        CREATE INDEX i ON orders (customer_id);
        """);
  }

  @Test void unknownRuleIsReported() {
    tester.check("""
        -- expect: invalid-suppression unknown rule
        -- slipway:ignore no-such-rule because
        SELECT 1;
        """);
  }

  @Test void trailingSuppressionAppliesToItsLine() {
    tester.check("CREATE INDEX i ON orders (c); -- slipway:ignore create-index-blocks-writes tiny lookup table\n");
  }
}
