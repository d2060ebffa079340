package slipway.core.rule;

import org.junit.jupiter.api.Test;

class PreferBigintPrimaryKeyTest {
  RuleTester tester = RuleTester.of(new PreferBigintPrimaryKey());

  @Test void flagsIntegerKeys() {
    tester.check("""
        -- expect: prefer-bigint-primary-key
        CREATE TABLE a (id serial PRIMARY KEY, n int);
        """);
  }

  @Test void allowsBigint() {
    tester.check("""
        CREATE TABLE a (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, n int);
        """);
  }

  @Test void writtenTypeInTheMessageAndNotForArrays() {
    tester.check("""
        -- expect: prefer-bigint-primary-key is a 32-bit int4 key
        CREATE TABLE a (id INT4 PRIMARY KEY);
        CREATE TABLE b (id int[]);
        """);
  }
}
