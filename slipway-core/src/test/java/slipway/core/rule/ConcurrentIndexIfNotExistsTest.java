package slipway.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConcurrentIndexIfNotExistsTest {
  RuleTester tester = RuleTester.of(new ConcurrentIndexIfNotExists())
      .given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, number text);");

  @Test void flagsIfNotExistsOnAConcurrentBuild() {
    tester.check("""
        -- expect: concurrent-index-if-not-exists an INVALID "orders_customer_idx" exists and this skips it
        CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON orders (customer_id);
        -- expect: concurrent-index-if-not-exists enforces no uniqueness
        CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_number_key ON orders (number);
        """);
  }

  @Test void allowsADropFirstAPlainBuildOrANewTable() {
    tester.check("""
        DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx;
        CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON orders (customer_id);
        CREATE INDEX CONCURRENTLY orders_number_idx ON orders (number);
        CREATE INDEX IF NOT EXISTS orders_id_idx ON orders (id);
        CREATE TABLE fresh (id int);
        CREATE INDEX CONCURRENTLY IF NOT EXISTS fresh_id ON fresh (id);
        """);
  }

  @Test void theAlternativeDropsTheLeftoverAndBuildsWithoutIfNotExists() {
    var f = tester.lint("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"Orders_Idx\" ON orders USING btree (customer_id) WHERE id > 0;");
    assertEquals("DROP INDEX CONCURRENTLY IF EXISTS \"Orders_Idx\";  -- a leftover of a failed attempt\n"
        + "CREATE INDEX CONCURRENTLY \"Orders_Idx\" ON orders USING btree (customer_id) WHERE id > 0;", f.get(0).instead());
  }
}
