package slipway.core.rule;

import org.junit.jupiter.api.Test;

class MixedSchemaAndDataTest {
  RuleTester tester = RuleTester.of(new MixedSchemaAndData()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);");

  @Test void flagsBackfillNextToSchemaChange() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN country text;
        -- expect: mixed-schema-and-data line 1
        UPDATE orders SET country = 'US';
        UPDATE orders SET country = 'DE' WHERE region = 'eu';
        """);
  }

  @Test void allowsSchemaOnlyDataOnlyAndNewTables() {
    tester.check("""
        CREATE TABLE r (x int);
        INSERT INTO r VALUES (1);
        UPDATE r SET x = 2;
        """);
  }

  @Test void aForeignKeyActionIsNotADataChange() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN country text;
        DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'fk') THEN
          ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON UPDATE CASCADE ON DELETE CASCADE;
        END IF; END $$;
        """);
  }

  @Test void aTableCreatedAfterTheDataChangeIsNewToo() {
    // The schema change after the UPDATE is on a table this migration creates: nothing existing is locked.
    tester.check("""
        UPDATE orders SET region = 'eu' WHERE region IS NULL;
        CREATE TABLE events (id bigint);
        ALTER TABLE events ADD COLUMN at timestamptz;
        CREATE INDEX events_at ON events (at);
        """);
  }

  @Test void inATransactionALaterSchemaChangeHoldsTheChangedRows() {
    tester.inTransaction().check("""
        -- expect: mixed-schema-and-data stay locked until the schema change at line 3
        UPDATE orders SET region = 'eu' WHERE region IS NULL;
        ALTER TABLE orders ADD COLUMN country text;
        """);
  }
}
