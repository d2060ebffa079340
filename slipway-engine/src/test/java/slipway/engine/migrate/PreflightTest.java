package slipway.engine.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class PreflightTest {
  @TempDir Path tmp;

  /**
   * A replica replaying late (pg_stat_replication.replay_lag, measured by the server) stops the run before
   * anything is applied; once it catches up the run applies everything.
   */
  @org.junit.jupiter.api.Tag("pg-behaviour")
  @Test
  void aLaggingReplicaStopsTheRunBeforeAnythingIsAppliedAndTheRunGoesOnOnceItCatchesUp(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE orders (id int)");
    MigrationDir dir = new MigrationDir(tmp).write("V1__region.sql", "ALTER TABLE orders ADD COLUMN region text;\n")
        .write("V2__note.sql", "ALTER TABLE orders ADD COLUMN note text;\n");
    try (slipway.engine.testing.LaggingReplica replica = slipway.engine.testing.LaggingReplica.start(db, 2500)) {
      replica.awaitLag(db, lag -> lag >= 1.5, "at least 1.5 s");
      MigrationFailedException e = assertThrows(MigrationFailedException.class,
          () -> dir.runner(db).maxReplicationLag(Duration.ofSeconds(1)).build().migrate());
      assertTrue(e.getMessage().startsWith("pre-flight failed, nothing was applied: replica "), e.getMessage());
      assertTrue(e.getMessage().contains("--skip-check replication"), e.getMessage());
      assertEquals("0", db.value("SELECT count(*) FROM slipway_schema_history WHERE version IS NOT NULL"));

      // Caught up: the run applies both migrations.
      replica.delay(0);
      replica.awaitLag(db, lag -> lag <= 0.5, "at most 0.5 s");
      assertEquals(2, dir.runner(db).maxReplicationLag(Duration.ofSeconds(1)).replicationWait(Duration.ofSeconds(20))
          .build().migrate().migrations().size());
      assertEquals(null, replica.failure());
    }
  }

  @Test
  void anOldTransactionHoldingALockOnATouchedTableStopsTheRunBeforeAnythingIsApplied(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE orders (id int)");
    MigrationDir dir = new MigrationDir(tmp).write("V1__region.sql", "ALTER TABLE orders ADD COLUMN region text;\n");
    try (Connection old = db.connect()) {
      old.setAutoCommit(false);
      int pid = pid(old);
      old.createStatement().executeQuery("SELECT * FROM orders").close();
      Thread.sleep(700);
      MigrationFailedException e = assertThrows(MigrationFailedException.class,
          () -> dir.runner(db).maxTransactionAge(Duration.ofMillis(500)).build().migrate());
      assertTrue(e.getMessage().startsWith("pre-flight failed, nothing was applied: pid " + pid + " (idle in transaction"),
          e.getMessage());
      assertTrue(e.getMessage().contains("orders (AccessShareLock)"), e.getMessage());
      assertEquals("0", db.value("SELECT count(*) FROM slipway_schema_history"));

      // A younger transaction is a warning: the runner will wait for it with lock_timeout and retries.
      List<String> warnings = List.of();
      try {
        dir.runner(db).maxTransactionAge(Duration.ofMinutes(5)).lockTimeout(Duration.ofMillis(200)).retries(0).build()
            .migrate();
      } catch (MigrationFailedException expected) {
        warnings = dir.messages("preflight.warning");
      }
      assertTrue(warnings.stream().anyMatch(w -> w.contains("pid " + pid)), warnings.toString());
      old.rollback();
    }
    assertEquals(1, dir.runner(db).maxTransactionAge(Duration.ofMillis(500)).build().migrate().migrations().size());
  }

  @Test
  void aCategoryThreeMigrationRunsTheBeforeHookAndWarnsWithoutArchiving(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE orders (id int, total int)");
    MigrationDir dir = new MigrationDir(tmp).write("V1__widen.sql", "ALTER TABLE orders ALTER COLUMN total TYPE bigint;\n");
    MigrationFailedException e = assertThrows(MigrationFailedException.class,
        () -> dir.runner(db).before("echo taking a snapshot; exit 3").build().migrate());
    assertTrue(e.getMessage().contains("--before hook exited with 3, nothing was applied"), e.getMessage());
    assertEquals("integer", db.value("SELECT data_type FROM information_schema.columns WHERE column_name = 'total'"));
    assertTrue(dir.messages("preflight.warning").stream().anyMatch(w -> w.contains("archive_mode is off")),
        dir.messages("preflight.warning").toString());

    dir.runner(db).before("echo snapshot done").build().migrate();
    assertTrue(dir.messages("hook.output").contains("  snapshot done"), dir.messages("hook.output").toString());
    assertEquals("bigint", db.value("SELECT data_type FROM information_schema.columns WHERE column_name = 'total'"));
  }

  @Test
  void aSecondRunnerGivesUpAfterLockWaitNamingTheHolder(TestDatabase db) throws Exception {
    MigrationDir dir = new MigrationDir(tmp).write("V1__t.sql", "CREATE TABLE t (id int);\n");
    try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
      s.execute("SELECT pg_advisory_lock(" + RunnerLock.CLASS_ID + ", "
          + RunnerLock.objectId("public.slipway_schema_history") + ")");
      MigrationFailedException e = assertThrows(MigrationFailedException.class,
          () -> dir.runner(db).lockWait(Duration.ofSeconds(1)).build().migrate());
      assertTrue(e.getMessage().contains("another Slipway runner (pid " + pid(holder) + ") still holds the migration lock"),
          e.getMessage());
      assertEquals("0", db.value("SELECT count(*) FROM pg_class WHERE relname = 't'"));
    }
  }

  @Test
  void invalidIndexesInTheDatabaseAreReportedAfterTheRun(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE u (email text); INSERT INTO u VALUES ('a'), ('a')");
    assertThrows(SQLException.class, () -> db.execute("CREATE UNIQUE INDEX CONCURRENTLY u_email ON u (email)"));
    MigrationDir dir = new MigrationDir(tmp).write("V1__t.sql", "CREATE TABLE t (id int);\n");
    MigrateResult r = dir.runner(db).build().migrate();
    assertEquals(List.of("public.u_email on u"), r.invalidIndexes().stream().map(Object::toString).toList());
    assertTrue(dir.messages("postflight.invalid-index").get(0).contains("INVALID index public.u_email"));
    assertEquals(1, dir.runner(db).build().status().invalidIndexes().size());
  }

  private static int pid(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
