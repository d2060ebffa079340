package slipway.core.rule;

import org.junit.jupiter.api.Test;

class ExclusiveLockHeldDuringScanTest {
  static final String SCHEMA = """
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region text);
      CREATE TABLE customers (id bigint PRIMARY KEY, email text);
      """;

  RuleTester tester = RuleTester.of(new ExclusiveLockHeldDuringScan()).given(SCHEMA);

  @Test void flagsAnIndexBuildAfterAnExclusiveLockInOneTransaction() {
    tester.check("""
        BEGIN;
        ALTER TABLE orders ADD COLUMN note text;
        -- expect: exclusive-lock-held-during-scan lock on "orders" taken at line 2
        CREATE INDEX customers_email_idx ON customers (email);
        COMMIT;
        """);
  }

  @Test void flagsInAFileTheRunnerWrapsInATransaction() {
    tester.inTransaction().check("""
        ALTER TABLE orders ADD COLUMN note text;
        -- expect: exclusive-lock-held-during-scan reads and writes on "orders" wait
        ALTER TABLE customers ADD CONSTRAINT customers_email_check CHECK (email <> '');
        """);
  }

  @Test void flagsAValidationOfAnotherTable() {
    tester.check("""
        BEGIN;
        ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
        ALTER TABLE customers ADD CONSTRAINT customers_email_check CHECK (email <> '') NOT VALID;
        -- expect: exclusive-lock-held-during-scan
        ALTER TABLE customers VALIDATE CONSTRAINT customers_email_check;
        COMMIT;
        """);
  }

  @Test void passesAfterCommit() {
    tester.check("""
        BEGIN;
        ALTER TABLE orders ADD COLUMN note text;
        COMMIT;
        BEGIN;
        CREATE INDEX customers_email_idx ON customers (email);
        COMMIT;
        """);
  }

  @Test void passesWithoutATransaction() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN note text;
        CREATE INDEX customers_email_idx ON customers (email);
        """);
  }

  @Test void flagsAnEarlierLockThatBlocksWrites() {
    tester.check("""
        BEGIN;
        ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
        -- expect: exclusive-lock-held-during-scan writes on "orders" wait
        CREATE INDEX customers_email_idx ON customers (email);
        COMMIT;
        """);
  }

  @Test void passesWhenTheEarlierLockBlocksNeitherReadsNorWrites() {
    tester.check("""
        BEGIN;
        ALTER TABLE orders SET (fillfactor = 70);
        CREATE INDEX customers_email_idx ON customers (email);
        COMMIT;
        """);
  }

  @Test void passesWhenTheScannedTableIsNew() {
    tester.check("""
        BEGIN;
        ALTER TABLE orders ADD COLUMN note text;
        CREATE TABLE invoices (id bigint, total numeric);
        CREATE INDEX invoices_total_idx ON invoices (total);
        COMMIT;
        """);
  }

  @Test void passesWhenTheLockedTableIsNew() {
    tester.check("""
        BEGIN;
        CREATE TABLE invoices (id bigint, total numeric);
        ALTER TABLE invoices ADD COLUMN note text;
        CREATE INDEX customers_email_idx ON customers (email);
        COMMIT;
        """);
  }

  @Test void leavesTheSameTablesValidationToValidateInSameTransaction() {
    tester.check("""
        BEGIN;
        ALTER TABLE orders ADD CONSTRAINT orders_region_check CHECK (region <> '') NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT orders_region_check;
        COMMIT;
        """);
  }

  @Test void leavesDataChangesToMixedSchemaAndData() {
    tester.check("""
        BEGIN;
        ALTER TABLE orders ADD COLUMN note text;
        UPDATE customers SET email = lower(email);
        COMMIT;
        """);
  }

  @Test void saysItOncePerLock() {
    tester.check("""
        BEGIN;
        ALTER TABLE orders ADD COLUMN note text;
        -- expect: exclusive-lock-held-during-scan
        ALTER TABLE customers ADD CONSTRAINT customers_email_check CHECK (email <> '');
        CREATE INDEX customers_email_idx ON customers (email);
        COMMIT;
        """);
  }

  @Test void leavesAnEarlierSlowStatementToItsOwnRule() {
    tester.check("""
        BEGIN;
        CREATE INDEX orders_region_idx ON orders (region);
        CREATE INDEX customers_email_idx ON customers (email);
        COMMIT;
        """);
  }

  @Test void flagsTheIndexBuildOfTheSameTableAfterAnInstantLock() {
    // ADD COLUMN holds ACCESS EXCLUSIVE on orders: the build that follows blocks reads too, not only writes.
    tester.check("""
        BEGIN;
        ALTER TABLE orders ADD COLUMN note text;
        -- expect: exclusive-lock-held-during-scan reads and writes on "orders" wait while this statement reads every row of "orders"
        CREATE INDEX orders_note_idx ON orders (note);
        COMMIT;
        """);
  }

  @Test void ignoresLocksOnRelationsTheSchemaDoesNotKnowAsTables() {
    tester.check("""
        BEGIN;
        DROP INDEX IF EXISTS orders_region_idx;
        CREATE INDEX customers_email_idx ON customers (email);
        COMMIT;
        """);
  }

  @Test void flagsDropIndexWhoseTableLockStays() {
    tester.given("CREATE INDEX orders_region_idx ON orders (region);").check("""
        BEGIN;
        DROP INDEX orders_region_idx;
        -- expect: exclusive-lock-held-during-scan lock on "orders" taken at line 2
        CREATE INDEX customers_email_idx ON customers (email);
        COMMIT;
        """);
  }
}
