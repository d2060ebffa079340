package slipway.core.rule;

import org.junit.jupiter.api.Test;

class DropFailsOnDependentsTest {
  static final String SCHEMA = """
      CREATE TABLE customers (id bigint PRIMARY KEY, email text, legacy_code text);
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), number text,
        legacy_code text);
      CREATE UNIQUE INDEX orders_number_idx ON orders (number);
      ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE USING INDEX orders_number_idx;
      CREATE VIEW order_summaries AS SELECT o.id, o.legacy_code FROM orders o;
      """;

  RuleTester tester = RuleTester.of(new DropFailsOnDependents()).given(SCHEMA);

  @Test void flagsDropTableReferencedByAForeignKey() {
    tester.check("""
        -- expect: drop-fails-on-dependents ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey
        DROP TABLE customers;
        """);
  }

  @Test void flagsDropTableReadByAView() {
    tester.check("""
        -- expect: drop-fails-on-dependents view "order_summaries" reads it
        DROP TABLE orders;
        """);
  }

  @Test void passesWhenTheDependentsAreDroppedFirstOrTogether() {
    tester.check("""
        DROP VIEW order_summaries;
        DROP TABLE orders, customers;
        """);
  }

  @Test void passesCascade() {
    tester.check("""
        DROP TABLE customers CASCADE;
        """);
  }

  @Test void flagsDropColumnAViewUses() {
    tester.check("""
        -- expect: drop-fails-on-dependents DROP VIEW order_summaries
        ALTER TABLE orders DROP COLUMN legacy_code;
        """);
  }

  @Test void passesDropColumnNoViewUses() {
    tester.check("""
        ALTER TABLE customers DROP COLUMN legacy_code;
        ALTER TABLE orders DROP COLUMN number;
        """);
  }

  @Test void flagsDropColumnAForeignKeyReferences() {
    tester.check("""
        -- expect: drop-fails-on-dependents foreign key "orders_customer_id_fkey" of "orders" references it
        ALTER TABLE customers DROP COLUMN id;
        """);
  }

  @Test void flagsDropOfAPrimaryKeyAForeignKeyUses() {
    tester.check("""
        -- expect: drop-fails-on-dependents
        ALTER TABLE customers DROP CONSTRAINT customers_pkey;
        """);
  }

  @Test void passesDropOfAKeyNoForeignKeyUses() {
    tester.check("""
        ALTER TABLE orders DROP CONSTRAINT orders_number_key;
        ALTER TABLE orders DROP CONSTRAINT orders_pkey;
        """);
  }

  @Test void flagsDropIndexThatAConstraintOwns() {
    tester.check("""
        -- expect: drop-fails-on-dependents ALTER TABLE orders DROP CONSTRAINT orders_number_key
        DROP INDEX orders_number_key;
        """);
  }

  @Test void passesDropOfAPlainIndex() {
    tester.check("""
        CREATE INDEX CONCURRENTLY orders_legacy_idx ON orders (legacy_code);
        DROP INDEX CONCURRENTLY orders_legacy_idx;
        """);
  }

  @Test void flagsDropTableWithInheritanceChildren() {
    RuleTester.of(new DropFailsOnDependents()).given("""
        CREATE TABLE measurements (id bigint, at timestamptz);
        CREATE TABLE measurements_2020 () INHERITS (measurements);
        """).check("""
        -- expect: drop-fails-on-dependents ALTER TABLE measurements_2020 NO INHERIT measurements
        DROP TABLE measurements;
        """);
  }

  @Test void passesDropOfAPartitionedTable() {
    RuleTester.of(new DropFailsOnDependents()).given("""
        CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at);
        CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
        """).check("""
        DROP TABLE events;
        """);
  }

  @Test void passesInADownMigration() {
    tester.check("V100__test.down.sql", """
        DROP TABLE customers;
        """);
  }
}
