package slipway.core.rule;

import org.junit.jupiter.api.Test;

class BatchLoopWithoutCommitTest {
  RuleTester tester = RuleTester.of(new BatchLoopWithoutCommit());

  @Test void flagsThePlaybooksLoop() {
    tester.check("""
        -- expect: batch-loop-without-commit one transaction
        DO $$
        DECLARE
        batch_size INT := 5000;
        rows_updated INT;
        BEGIN
        LOOP
        UPDATE orders SET region = 'us-east-1'
        WHERE id IN (SELECT id FROM orders WHERE region IS NULL LIMIT batch_size FOR UPDATE SKIP LOCKED);
        GET DIAGNOSTICS rows_updated = ROW_COUNT;
        EXIT WHEN rows_updated = 0;
        PERFORM pg_sleep(0.1);
        END LOOP;
        END $$;
        """);
  }

  @Test void allowsCommitBetweenBatches() {
    tester.check("""
        DO $$
        DECLARE n int;
        BEGIN
          LOOP
            UPDATE orders SET region = 'x' WHERE id IN (SELECT id FROM orders WHERE region IS NULL LIMIT 5000);
            GET DIAGNOSTICS n = ROW_COUNT;
            EXIT WHEN n = 0;
            COMMIT;
          END LOOP;
        END $$;
        DO $$ BEGIN RAISE NOTICE 'hello'; END $$;
        DO $$ BEGIN IF NOT EXISTS (SELECT 1) THEN ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) ON UPDATE CASCADE; END IF; END $$;
        """);
  }

  @Test void commitInsideTheRunnersTransactionFails() {
    tester.inTransaction().check("""
        -- expect: batch-loop-without-commit invalid transaction termination
        DO $$ BEGIN LOOP UPDATE orders SET region = 'x' WHERE id IN (SELECT id FROM orders LIMIT 10); COMMIT; END LOOP; END $$;
        """);
  }

  @Test void aForLoopOverRowsIsALoop() {
    tester.check("""
        -- expect: batch-loop-without-commit one transaction
        DO $$ DECLARE r record; BEGIN
          FOR r IN SELECT id FROM orders LOOP
            DELETE FROM orders WHERE id = r.id;
          END LOOP;
        END $$;
        """);
  }
}
