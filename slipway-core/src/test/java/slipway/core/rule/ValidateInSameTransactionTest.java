package slipway.core.rule;

import org.junit.jupiter.api.Test;

class ValidateInSameTransactionTest {
  RuleTester tester = RuleTester.of(new ValidateInSameTransaction()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);");

  @Test void flagsValidateAfterAlterInOneTransaction() {
    tester.check("""
        BEGIN;
        ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0) NOT VALID;
        -- expect: validate-in-same-transaction line 2
        ALTER TABLE orders VALIDATE CONSTRAINT c;
        COMMIT;
        """);
  }

  @Test void allowsSeparateTransactions() {
    tester.check("""
        ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT c;
        BEGIN;
        ALTER TABLE orders VALIDATE CONSTRAINT c;
        COMMIT;
        """);
  }

  @Test void aSavepointRollbackKeepsTheEarlierLock() {
    // ROLLBACK TO SAVEPOINT undoes what came after the savepoint; the ALTER before it keeps its lock.
    tester.check("""
        BEGIN;
        ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0) NOT VALID;
        SAVEPOINT s;
        ROLLBACK TO SAVEPOINT s;
        -- expect: validate-in-same-transaction line 2
        ALTER TABLE orders VALIDATE CONSTRAINT c;
        COMMIT;
        """);
  }

  @Test void saysWhichLockTheLockModelHasTheEarlierAlterHold() {
    // ADD FOREIGN KEY … NOT VALID takes SHARE ROW EXCLUSIVE: writes wait for the validation, reads do not.
    tester.given("CREATE TABLE customers (id bigint PRIMARY KEY);").check("""
        BEGIN;
        ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
        -- expect: validate-in-same-transaction still holds its SHARE ROW EXCLUSIVE lock on "orders": writes wait
        ALTER TABLE orders VALIDATE CONSTRAINT fk;
        COMMIT;
        BEGIN;
        ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0) NOT VALID;
        -- expect: validate-in-same-transaction still holds its ACCESS EXCLUSIVE lock on "orders": reads and writes wait
        ALTER TABLE orders VALIDATE CONSTRAINT c;
        COMMIT;
        BEGIN;
        ALTER TABLE orders SET (fillfactor = 70);
        ALTER TABLE orders VALIDATE CONSTRAINT c;
        COMMIT;
        """);
  }

  @Test void theStrongestLockHeldCounts() {
    // ADD COLUMN's ACCESS EXCLUSIVE (line 2) is still held when the foreign key's VALIDATE runs.
    tester.given("CREATE TABLE customers (id bigint PRIMARY KEY);").check("""
        BEGIN;
        ALTER TABLE orders ADD COLUMN buyer_id bigint;
        ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (buyer_id) REFERENCES customers (id) NOT VALID;
        -- expect: validate-in-same-transaction the ALTER TABLE at line 2 still holds its ACCESS EXCLUSIVE lock
        ALTER TABLE orders VALIDATE CONSTRAINT fk;
        COMMIT;
        """);
  }
}
