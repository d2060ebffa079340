package slipway.core.rule;

import org.junit.jupiter.api.Test;

class PreferJsonbTest {
  RuleTester tester = RuleTester.of(new PreferJsonb());

  @Test void flagsJson() {
    tester.check("""
        -- expect: prefer-jsonb
        CREATE TABLE a (payload json);
        """);
  }

  @Test void allowsJsonb() {
    tester.check("""
        CREATE TABLE a (payload jsonb);
        """);
  }

  @Test void anArrayStaysAnArray() {
    tester.check("""
        -- expect: prefer-jsonb payloads jsonb[]
        ALTER TABLE a ADD COLUMN payloads json[];
        """);
  }
}
