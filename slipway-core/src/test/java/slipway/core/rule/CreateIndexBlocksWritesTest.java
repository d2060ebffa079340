package slipway.core.rule;

import org.junit.jupiter.api.Test;

class CreateIndexBlocksWritesTest {
  RuleTester tester = RuleTester.of(new CreateIndexBlocksWrites())
      .given("CREATE TABLE orders (id bigint, customer_id bigint);");

  @Test void flagsExistingTable() {
    tester.check("""
        -- expect: create-index-blocks-writes writes to "orders" wait
        CREATE INDEX orders_customer_idx ON orders (customer_id);
        -- expect: create-index-blocks-writes
        create unique index if not exists orders_u on public.orders using btree (id);
        """);
  }

  @Test void flagsUnknownTableAsExisting() {
    tester.check("""
        -- expect: create-index-blocks-writes
        CREATE INDEX users_email_idx ON users (email);
        """);
  }

  @Test void allowsNewTableAndConcurrently() {
    tester.check("""
        CREATE TABLE r (id bigint); CREATE INDEX r_id ON r (id);
        CREATE INDEX CONCURRENTLY orders_c ON orders (customer_id);
        """);
  }

  @Test void partitionedParentGetsThePerPartitionRecipe() {
    tester.given("CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at);").check("""
        -- expect: create-index-blocks-writes ATTACH PARTITION
        CREATE INDEX events_at ON events (at);
        """);
  }

  @Test void fixAddsConcurrently() {
    tester.fix("CREATE INDEX i ON orders (customer_id);", "CREATE INDEX CONCURRENTLY i ON orders (customer_id);");
  }

  @Test void suppressionWithReasonSilences() {
    tester.check("""
        -- slipway:ignore create-index-blocks-writes orders has 12 rows in every environment
        CREATE INDEX i ON orders (customer_id);
        """);
  }

  @Test void insteadKeepsTheNamesAsWritten() {
    tester.given("CREATE TABLE app.\"Orders\" (id bigint);").check("""
        -- expect: create-index-blocks-writes CREATE UNIQUE INDEX CONCURRENTLY "Idx" ON app."Orders"
        CREATE UNIQUE INDEX "Idx" ON app."Orders" (id);
        """);
  }
}
