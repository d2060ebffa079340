package slipway.core.rule;

import org.junit.jupiter.api.Test;

class UncommittedTransactionTest {
  RuleTester tester = RuleTester.of(new UncommittedTransaction());

  @Test void flagsBeginWithoutCommit() {
    tester.check("""
        -- expect: uncommitted-transaction
        BEGIN;
        ALTER TABLE orders ADD COLUMN x int;
        """);
  }

  @Test void allowsCommittedTransaction() {
    tester.check("""
        BEGIN;
        ALTER TABLE orders ADD COLUMN x int;
        COMMIT;
        """);
  }

  @Test void aSavepointRollbackDoesNotEndTheTransaction() {
    tester.check("""
        -- expect: uncommitted-transaction
        START TRANSACTION ISOLATION LEVEL SERIALIZABLE;
        SAVEPOINT s1;
        ROLLBACK TO SAVEPOINT s1;
        """);
    tester.check("""
        BEGIN;
        ALTER TABLE orders ADD COLUMN x int;
        ABORT;
        """);
  }
}
