package slipway.core.rule;

import org.junit.jupiter.api.Test;

class PreferTextTest {
  RuleTester tester = RuleTester.of(new PreferText());

  @Test void flagsLimitedVarchar() {
    tester.check("""
        -- expect: prefer-text varchar(50)
        -- expect: prefer-text char(2)
        CREATE TABLE a (name varchar(50), code char(2));
        """);
  }

  @Test void allowsText() {
    tester.check("""
        CREATE TABLE a (name text, other varchar);
        """);
  }

  @Test void anArrayStaysAnArray() {
    tester.check("""
        -- expect: prefer-text tags text[] NOT NULL
        CREATE TABLE a (tags VARCHAR(20)[] NOT NULL);
        """);
  }
}
