package slipway.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import slipway.core.sql.Splitter;
import slipway.core.sql.SqlStatement;
import slipway.core.sql.Transactions;
import slipway.engine.postgres.Identifiers;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/**
 * Every verdict of {@link Transactions#mayRunInTransactionBlock}, proven on the server: a statement
 * it says may not run in a transaction block fails inside BEGIN with SQLSTATE 25001, and one it says
 * may run there succeeds inside BEGIN (then is rolled back). {@code {db}} is the test's database.
 */
@Tag("pg-behaviour")
@ExtendWith(PostgresExtension.class)
class TransactionsMatchServerTest {
  static final String SETUP = """
      CREATE TABLE t (id int PRIMARY KEY, c int);
      CREATE INDEX t_c ON t (c);
      ALTER TABLE t ADD CONSTRAINT t_pos CHECK (c > 0) NOT VALID;
      CREATE TABLE p (id int) PARTITION BY RANGE (id);
      CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10);
      CREATE TYPE mood AS ENUM ('ok');
      CREATE MATERIALIZED VIEW m AS SELECT id FROM t;
      CREATE UNIQUE INDEX m_id ON m (id);
      """;

  @ParameterizedTest(name = "refused in a block: {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      CREATE INDEX CONCURRENTLY t_id ON t (id)                          | 13
      CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_id2 ON ONLY t (id) | 13
      DROP INDEX CONCURRENTLY IF EXISTS t_c                             | 13
      REINDEX TABLE CONCURRENTLY t                                      | 13
      REINDEX INDEX CONCURRENTLY t_c                                    | 13
      REINDEX SCHEMA public                                             | 13
      REINDEX DATABASE {db}                                             | 13
      REINDEX SYSTEM {db}                                               | 13
      ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY                    | 14
      VACUUM                                                            | 13
      VACUUM t                                                          | 13
      VACUUM FULL t                                                     | 13
      VACUUM (ANALYZE) t                                                | 13
      CLUSTER                                                           | 13
      CREATE DATABASE never_made                                        | 13
      DROP DATABASE IF EXISTS never_made                                | 13
      ALTER DATABASE {db} SET TABLESPACE pg_default                     | 13
      CREATE TABLESPACE never_made LOCATION '/nonexistent'              | 13
      DROP TABLESPACE IF EXISTS never_made                              | 13
      ALTER SYSTEM SET work_mem = '4MB'                                 | 13
      DISCARD ALL                                                       | 13
      COMMIT PREPARED 'never_prepared'                                  | 13
      ROLLBACK PREPARED 'never_prepared'                                | 13
      CREATE SUBSCRIPTION never_made CONNECTION 'dbname=nonexistent' PUBLICATION p | 13
      """)
  void refusedInATransactionBlock(String template, int since, TestDatabase db) throws Exception {
    assumeTrue(db.major() >= since, () -> template + " exists from PostgreSQL " + since);
    db.execute(SETUP);
    String sql = template.replace("{db}", Identifiers.quote(db.name()));
    assertFalse(Transactions.mayRunInTransactionBlock(parse(sql), db.major()), sql);
    SQLException e = assertThrows(SQLException.class, () -> db.inRolledBackTransaction(sql), sql);
    assertEquals("25001", e.getSQLState(), sql + ": " + e.getMessage());
  }

  /** DROP SUBSCRIPTION is refused when the subscription has a replication slot, as it has by default. */
  @Test
  void dropSubscriptionWithASlotIsRefusedInABlock(TestDatabase db) throws Exception {
    db.execute("CREATE SUBSCRIPTION s CONNECTION 'dbname=nonexistent' PUBLICATION p WITH (connect = false)");
    try {
      assertFalse(Transactions.mayRunInTransactionBlock(parse("DROP SUBSCRIPTION s"), db.major()));
      SQLException e = assertThrows(SQLException.class, () -> db.inRolledBackTransaction("DROP SUBSCRIPTION s"));
      assertEquals("25001", e.getSQLState(), e.getMessage());
    } finally {
      db.execute("ALTER SUBSCRIPTION s SET (slot_name = NONE)");
      db.execute("DROP SUBSCRIPTION s");
    }
  }

  @ParameterizedTest(name = "runs in a block: {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      CREATE INDEX t_id ON t (id)
      DROP INDEX t_c
      REINDEX TABLE t
      REINDEX INDEX t_c
      ANALYZE t
      CLUSTER t USING t_c
      ALTER TABLE p DETACH PARTITION p1
      ALTER TABLE t VALIDATE CONSTRAINT t_pos
      ALTER TYPE mood ADD VALUE 'great'
      ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'ok'
      ALTER TYPE mood RENAME VALUE 'ok' TO 'fine'
      REFRESH MATERIALIZED VIEW CONCURRENTLY m
      ALTER DATABASE {db} SET work_mem = '4MB'
      DISCARD PLANS
      CREATE TABLE u (id bigint)
      ALTER TABLE t ALTER COLUMN c TYPE bigint
      DROP TABLE t CASCADE
      """)
  void runsInATransactionBlock(String template, TestDatabase db) throws Exception {
    db.execute(SETUP);
    String sql = template.replace("{db}", Identifiers.quote(db.name()));
    assertTrue(Transactions.mayRunInTransactionBlock(parse(sql), db.major()), sql);
    db.inRolledBackTransaction(sql);
  }

  /**
   * From PostgreSQL 12 ALTER TYPE … ADD VALUE runs in a block, but the new label is unusable until
   * the block commits: the distinction {@link Transactions#usableOnlyAfterCommit} keeps.
   */
  @Test
  void aNewEnumValueIsUsableOnlyAfterCommit(TestDatabase db) throws Exception {
    db.execute(SETUP);
    String add = "ALTER TYPE mood ADD VALUE 'great'";
    assertTrue(Transactions.mayRunInTransactionBlock(parse(add), db.major()));
    assertTrue(Transactions.usableOnlyAfterCommit(parse(add), db.major()));
    SQLException e = assertThrows(SQLException.class, () -> db.inRolledBackTransaction(add, "SELECT 'great'::mood"));
    assertEquals("55P04", e.getSQLState(), e.getMessage());
    db.execute(add);
    assertEquals("great", db.value("SELECT 'great'::mood"));
  }

  /**
   * Why the tracer and the runner still listen for 25001: some refusals depend on what the database
   * holds, not on the text. REINDEX of a partitioned table reindexes each partition in a transaction
   * of its own (PostgreSQL 14+), so the server refuses it in a block although REINDEX TABLE is allowed.
   */
  @Test
  void someRefusalsDependOnTheSchemaNotTheText(TestDatabase db) throws Exception {
    assumeTrue(db.major() >= 14, "REINDEX of a partitioned table exists from PostgreSQL 14");
    db.execute(SETUP);
    assertTrue(Transactions.mayRunInTransactionBlock(parse("REINDEX TABLE p"), db.major()));
    SQLException e = assertThrows(SQLException.class, () -> db.inRolledBackTransaction("REINDEX TABLE p"));
    assertEquals("25001", e.getSQLState(), e.getMessage());
  }

  private static slipway.core.sql.syntax.Statement parse(String sql) {
    List<SqlStatement> statements = Splitter.split("t.sql", sql);
    assertEquals(1, statements.size(), sql);
    return statements.get(0).syntax();
  }

}
