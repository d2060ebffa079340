package slipway.core.rule;

import org.junit.jupiter.api.Test;

class TransactionNestingTest {
  RuleTester tester = RuleTester.of(new TransactionNesting()).inTransaction();

  @Test void flagsBeginAndCommitInRunnerTransaction() {
    tester.check("""
        -- expect: transaction-nesting
        BEGIN;
        ALTER TABLE orders ADD COLUMN x int;
        -- expect: transaction-nesting commits early
        COMMIT;
        """);
  }

  @Test void allowsPlainStatements() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN x int;
        """);
  }

}
