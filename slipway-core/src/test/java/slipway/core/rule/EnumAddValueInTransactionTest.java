package slipway.core.rule;

import org.junit.jupiter.api.Test;

class EnumAddValueInTransactionTest {
  RuleTester tester = RuleTester.of(new EnumAddValueInTransaction()).pg(11);

  @Test void flagsInTransactionBefore12() {
    tester.check("""
        BEGIN;
        -- expect: enum-add-value-in-transaction
        ALTER TYPE status ADD VALUE 'refunded';
        COMMIT;
        """);
  }

  @Test void allowsOutsideTransaction() {
    tester.check("""
        ALTER TYPE status ADD VALUE 'refunded';
        """);
  }

  @Test void allowsOnPostgres12() {
    tester.pg(12).check("""
        BEGIN;
        ALTER TYPE status ADD VALUE 'refunded';
        COMMIT;
        UPDATE orders SET status = 'refunded' WHERE id = 1;
        """);
  }

  @Test void flagsUseOfTheNewValueInTheSameTransaction() {
    tester.pg(12).check("""
        BEGIN;
        ALTER TYPE status ADD VALUE 'refunded';
        -- expect: enum-add-value-in-transaction used before its transaction commits
        UPDATE orders SET status = 'refunded' WHERE id = 1;
        COMMIT;
        """);
  }

  @Test void theLabelIsComparedDecoded() {
    tester.pg(16).inTransaction().check("""
        ALTER TYPE status ADD VALUE IF NOT EXISTS 'it''s';
        -- expect: enum-add-value-in-transaction 'it''s'
        UPDATE orders SET status = E'it\\'s' WHERE id = 1;
        """);
  }
}
