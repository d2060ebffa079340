package slipway.engine.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/**
 * SIGKILL of the runner process in the middle of a mixed migration (a transactional group, a
 * concurrent index build, another transactional group), then a rerun: every statement applied
 * exactly once, no INVALID index, the history consistent. The kill points are made deterministic
 * by a lock the test holds.
 */
@ExtendWith(PostgresExtension.class)
@Tag("pg-behaviour")
class CrashResumeTest {
  @TempDir Path tmp;

  static final String MIXED = "-- slipway:lock-timeout=60s\n"
      + "ALTER TABLE orders ADD COLUMN region text;\n"
      + "INSERT INTO audit VALUES ('group 1');\n"
      + "CREATE INDEX CONCURRENTLY orders_region_idx ON orders (region);\n"
      + "INSERT INTO audit VALUES ('group 3');\n"
      + "SELECT count(*) FROM gate;\n";

  private MigrationDir setUp(TestDatabase db) throws Exception {
    // The runner sets client_connection_check_interval (PostgreSQL 14+) so a killed runner's waiting
    // session ends within a second; on 13 it lingers until its wait ends (docs/migrate.md), which this
    // test's deterministic kill point (a lock the test holds) would turn into a hang.
    assumeTrue(db.major() >= 14, "PostgreSQL 13 has no client_connection_check_interval");
    MigrationDir dir = new MigrationDir(tmp.resolve("db"))
        .write("V1__tables.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\n"
            + "INSERT INTO orders SELECT g, g FROM generate_series(1, 1000) g;\n"
            + "CREATE TABLE audit (what text);\nCREATE TABLE gate (id int);\n");
    dir.runner(db).build().migrate();
    dir.write("V2__mixed.sql", MIXED);
    return dir;
  }

  @Test
  void killedWhileTheLastGroupWaitsResumesThereAndRunsEachStatementOnce(TestDatabase db) throws Exception {
    MigrationDir dir = setUp(db);
    try (Connection gate = db.connect()) {
      gate.setAutoCommit(false);
      try (Statement s = gate.createStatement()) {
        s.execute("LOCK TABLE gate IN ACCESS EXCLUSIVE MODE");
      }
      Process runner = MigrateProcessMain.start(db.url(), dir.dir, tmp.resolve("runner.log"));
      awaitRunnerWaitingOn(db, "SELECT count(*) FROM gate", runner);
      String indexOid = db.value("SELECT 'orders_region_idx'::regclass::oid");
      runner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      awaitRunnerSessionGone(db);
      gate.rollback();

      dir.runner(db).build().migrate();
      assertEquals(List.of("group 1", "group 3"), db.column("SELECT what FROM audit ORDER BY what"));
      assertEquals(indexOid, db.value("SELECT 'orders_region_idx'::regclass::oid"), "the index was built once");
      assertConsistent(db);
      assertTrue(dir.messages("migration.start").stream().anyMatch(m -> m.contains("resuming at statement 4")),
          dir.messages("migration.start").toString());
    }
  }

  @Test
  void killedDuringTheConcurrentBuildDropsTheInvalidIndexAndBuildsItOnce(TestDatabase db) throws Exception {
    MigrationDir dir = setUp(db);
    try (Connection writer = db.connect()) {
      writer.setAutoCommit(false);
      writer.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (Statement s = writer.createStatement()) {
        // An open transaction with a snapshot (touching nothing the ALTER needs): CREATE INDEX
        // CONCURRENTLY waits for it after building the still-invalid index (its wait for old snapshots).
        s.executeQuery("SELECT count(*) FROM audit").close();
      }
      Process runner = MigrateProcessMain.start(db.url(), dir.dir, tmp.resolve("runner.log"));
      awaitRunnerWaitingOn(db, "CREATE INDEX CONCURRENTLY", runner);
      runner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      awaitRunnerSessionGone(db);
      assertEquals("f", db.value("SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_region_idx'::regclass"),
          "the kill left the build's INVALID index behind");
      writer.rollback();

      dir.runner(db).build().migrate();
      assertEquals(List.of("group 1", "group 3"), db.column("SELECT what FROM audit ORDER BY what"));
      assertTrue(dir.messages("index.dropped").get(0).contains("orders_region_idx"), dir.messages("index.dropped").toString());
      assertConsistent(db);
    }
  }

  private static void assertConsistent(TestDatabase db) throws Exception {
    assertEquals("0", db.value("SELECT count(*) FROM pg_index WHERE NOT indisvalid"), "no INVALID index");
    assertEquals("t", db.value("SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_region_idx'::regclass"));
    assertEquals(List.of("1|true|4|4", "2|true|5|5"), db.column("SELECT version || '|' || success || '|' "
        + "|| statements_total || '|' || statements_done FROM slipway_schema_history ORDER BY installed_rank"));
  }

  private static void awaitRunnerWaitingOn(TestDatabase db, String queryStart, Process runner) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String n = db.value("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'slipway migrate' "
          + "AND wait_event_type = 'Lock' AND query LIKE " + slipway.engine.postgres.Identifiers.literal(queryStart + "%"));
      if (!"0".equals(n)) {
        return;
      }
      if (!runner.isAlive()) {
        throw new AssertionError("the runner exited early with " + runner.exitValue());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the runner never waited on " + queryStart);
  }

  /** PostgreSQL 14+ notices the dead client (client_connection_check_interval) and ends its session. */
  private static void awaitRunnerSessionGone(TestDatabase db) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if ("0".equals(db.value("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'slipway migrate'"))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the killed runner's session is still there");
  }
}
