package slipway.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import slipway.core.lock.LockFacts;
import slipway.core.lock.LockModel;
import slipway.core.sql.syntax.Statement;

class TransactionsTest {
  private static Statement parse(String sql) {
    List<SqlStatement> statements = Splitter.split("t.sql", sql);
    assertEquals(1, statements.size(), sql);
    return statements.get(0).syntax();
  }

  @ParameterizedTest(name = "PG{1} {0} -> {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      CREATE INDEX CONCURRENTLY i ON t (a)                    | 18 | false
      CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a)| 13 | false
      CREATE INDEX i ON t (a)                                 | 18 | true
      DROP INDEX CONCURRENTLY IF EXISTS i                     | 18 | false
      DROP INDEX i                                            | 18 | true
      REINDEX TABLE CONCURRENTLY t                            | 18 | false
      REINDEX (VERBOSE) INDEX CONCURRENTLY i                  | 18 | false
      REINDEX (CONCURRENTLY) INDEX i                          | 18 | false
      REINDEX TABLE t                                         | 18 | true
      REINDEX INDEX i                                         | 18 | true
      REINDEX SCHEMA public                                   | 18 | false
      REINDEX DATABASE app                                    | 18 | false
      REINDEX SYSTEM app                                      | 13 | false
      ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY          | 18 | false
      ALTER TABLE p DETACH PARTITION p1                       | 18 | true
      ALTER TABLE p DETACH PARTITION p1 FINALIZE              | 18 | true
      ALTER TABLE t ADD COLUMN c int, DETACH PARTITION x CONCURRENTLY | 18 | false
      VACUUM                                                  | 18 | false
      VACUUM t                                                | 18 | false
      VACUUM FULL t                                           | 18 | false
      VACUUM (ANALYZE) t                                      | 18 | false
      ANALYZE t                                               | 18 | true
      CLUSTER                                                 | 18 | false
      CLUSTER t USING i                                       | 18 | true
      CREATE DATABASE app                                     | 18 | false
      DROP DATABASE IF EXISTS app                             | 18 | false
      ALTER DATABASE app SET TABLESPACE fast                  | 18 | false
      ALTER DATABASE app SET work_mem = '4MB'                 | 18 | true
      CREATE TABLESPACE fast LOCATION '/ssd'                  | 18 | false
      DROP TABLESPACE IF EXISTS fast                          | 18 | false
      ALTER SYSTEM SET work_mem = '4MB'                       | 18 | false
      DISCARD ALL                                             | 18 | false
      DISCARD PLANS                                           | 18 | true
      COMMIT PREPARED 'x'                                     | 18 | false
      ROLLBACK PREPARED 'x'                                   | 18 | false
      PREPARE TRANSACTION 'x'                                 | 18 | true
      COMMIT                                                  | 18 | true
      CREATE SUBSCRIPTION s CONNECTION 'dbname=x' PUBLICATION p | 18 | false
      DROP SUBSCRIPTION s                                     | 18 | false
      ALTER TYPE e ADD VALUE 'b'                              | 12 | true
      ALTER TYPE e ADD VALUE IF NOT EXISTS 'b' BEFORE 'a'     | 18 | true
      ALTER TYPE e ADD VALUE 'b'                              | 11 | false
      ALTER TYPE e RENAME VALUE 'a' TO 'b'                    | 11 | true
      REFRESH MATERIALIZED VIEW CONCURRENTLY m                | 18 | true
      ALTER TABLE t ALTER COLUMN c TYPE bigint                | 18 | true
      SELECT 1                                                | 18 | true
      not sql at all                                          | 18 | true
      """)
  void verdicts(String sql, int major, boolean allowed) {
    assertEquals(allowed, Transactions.mayRunInTransactionBlock(parse(sql), major), sql);
  }

  @Test void addValueIsAllowedButUsableOnlyAfterCommitFromTwelve() {
    Statement addValue = parse("ALTER TYPE mood ADD VALUE 'meh'");
    assertTrue(Transactions.mayRunInTransactionBlock(addValue, 12));
    assertTrue(Transactions.usableOnlyAfterCommit(addValue, 12));
    assertFalse(Transactions.mayRunInTransactionBlock(addValue, 11));
    assertFalse(Transactions.usableOnlyAfterCommit(addValue, 11), "before 12 it runs on its own, committed at once");
    assertFalse(Transactions.usableOnlyAfterCommit(parse("ALTER TYPE mood RENAME VALUE 'a' TO 'b'"), 18));
    assertFalse(Transactions.usableOnlyAfterCommit(parse("CREATE TYPE mood AS ENUM ('a')"), 18));
  }

  /** The lock model's per-fact verdicts and this predicate agree on every fact's example, on every major it covers. */
  @Test void agreesWithEveryLockFact() {
    for (LockFacts.LockFact fact : LockFacts.all()) {
      for (int major = LockModel.OLDEST; major <= LockModel.NEWEST; major++) {
        if (!fact.appliesTo(major)) continue;
        assertEquals(fact.transactional(), Transactions.mayRunInTransactionBlock(parse(fact.example()), major),
            fact.id() + " on " + major + ": " + fact.example());
      }
    }
  }
}
