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
}
