package slipway.core.rule;

import org.junit.jupiter.api.Test;

class PreferTimestamptzTest {
  RuleTester tester = RuleTester.of(new PreferTimestamptz());

  @Test void flagsNaiveTimestamp() {
    tester.check("""
        -- expect: prefer-timestamptz
        CREATE TABLE a (at timestamp NOT NULL);
        -- expect: prefer-timestamptz
        ALTER TABLE a ADD COLUMN b timestamp without time zone;
        """);
  }

  @Test void allowsTimestamptz() {
    tester.check("""
        CREATE TABLE a (at timestamptz, b timestamp with time zone);
        """);
  }

  @Test void arraysOfTimestampsToo() {
    tester.check("""
        -- expect: prefer-timestamptz seen timestamptz[] DEFAULT '{}'
        CREATE TABLE a (seen timestamp[] DEFAULT '{}');
        """);
  }
}
