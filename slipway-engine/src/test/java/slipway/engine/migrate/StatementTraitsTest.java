package slipway.engine.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import slipway.core.sql.Splitter;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/** The runner's reading of each statement agrees with what the server refuses in a transaction block. */
@ExtendWith(PostgresExtension.class)
@Tag("pg-behaviour")
class StatementTraitsTest {
  static final String SETUP = "CREATE TABLE t (id int, c int); CREATE INDEX t_c ON t (c);"
      + "CREATE TABLE p (id int) PARTITION BY RANGE (id); CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10);"
      + "CREATE TYPE mood AS ENUM ('ok'); ALTER TABLE t ADD CONSTRAINT t_pos CHECK (c > 0) NOT VALID;";

  static StatementTraits traits(String sql, int major) {
    return StatementTraits.of(Splitter.split("x.sql", sql).get(0), major);
  }

  @Test
  void statementsTheServerRefusesInATransactionBlockRunOnTheirOwn(TestDatabase db) throws Exception {
    db.execute(SETUP);
    List<String> refused = List.of(
        "CREATE INDEX CONCURRENTLY t_id ON t (id)",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_id2 ON ONLY t (id)",
        "DROP INDEX CONCURRENTLY IF EXISTS t_c",
        "REINDEX INDEX CONCURRENTLY t_c",
        "REINDEX SCHEMA public",
        "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY",
        "VACUUM t",
        "CREATE DATABASE never_made",
        "ALTER SYSTEM SET work_mem = '4MB'");
    for (String sql : refused) {
      if (sql.contains("DETACH") && db.major() < 14) {
        continue; // DETACH PARTITION … CONCURRENTLY exists from PostgreSQL 14 on (13 rejects its syntax)
      }
      assertFalse(traits(sql, db.major()).transactional(), sql);
      SQLException e = assertThrows(SQLException.class, () -> db.inRolledBackTransaction(sql), sql);
      assertEquals("25001", e.getSQLState(), sql + ": " + e.getMessage());
    }
    List<String> accepted = List.of("CREATE INDEX t_id3 ON t (id)", "ANALYZE t", "ALTER TABLE t VALIDATE CONSTRAINT t_pos",
        "ALTER TYPE mood ADD VALUE 'great'", "DROP INDEX t_c");
    for (String sql : accepted) {
      assertTrue(traits(sql, db.major()).transactional(), sql);
      db.inRolledBackTransaction(sql);
    }
  }

  /** From PostgreSQL 12 ADD VALUE runs in a transaction, but the value is unusable until it commits. */
  @Test
  void aNewEnumValueCannotBeUsedInTheTransactionThatAddedIt(TestDatabase db) throws Exception {
    db.execute(SETUP);
    SQLException e = assertThrows(SQLException.class,
        () -> db.inRolledBackTransaction("ALTER TYPE mood ADD VALUE 'great'", "SELECT 'great'::mood"));
    assertEquals("55P04", e.getSQLState(), e.getMessage());
    assertTrue(traits("ALTER TYPE mood ADD VALUE 'great'", db.major()).endsTransaction());
    assertFalse(traits("ALTER TYPE mood ADD VALUE 'great'", 11).transactional(), "before 12 it runs on its own");
  }

  @Test
  void concurrentBuildsAndValidateGetTheConcurrentBudgetAndNamesAreResolved() {
    StatementTraits cic = traits("CREATE INDEX CONCURRENTLY \"Orders_Idx\" ON Billing.Orders (id)", 18);
    assertEquals("Orders_Idx", cic.indexName());
    assertEquals("\"billing\".\"orders\"", cic.table());
    assertTrue(cic.concurrentBudget());
    assertTrue(traits("ALTER TABLE t VALIDATE CONSTRAINT t_pos", 18).concurrentBudget());
    assertFalse(traits("ALTER TABLE t ADD COLUMN x int", 18).concurrentBudget());
    assertEquals(3, traits("ALTER TABLE t ALTER COLUMN c TYPE bigint", 18).category());
    assertEquals(2, traits("UPDATE t SET c = 1", 18).category());
    assertEquals(1, traits("ALTER TABLE t ADD COLUMN x int", 18).category());
    assertEquals(StatementTraits.Kind.TRANSACTION_CONTROL, traits("COMMIT", 18).kind());
  }

}
