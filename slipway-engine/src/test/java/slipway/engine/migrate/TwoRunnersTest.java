package slipway.engine.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/** Two migrate processes started together: each migration is applied exactly once. */
@ExtendWith(PostgresExtension.class)
class TwoRunnersTest {
  @TempDir Path tmp;

  @Test
  void twoProcessesApplyEachMigrationExactlyOnce(TestDatabase db) throws Exception {
    MigrationDir dir = new MigrationDir(tmp.resolve("db"))
        .write("V1__runs.sql", "CREATE TABLE runs (migration int, pid int DEFAULT pg_backend_pid());\n");
    for (int v = 2; v <= 12; v++) {
      dir.write("V" + v + "__step.sql", "INSERT INTO runs (migration) VALUES (" + v + ");\n"
          + (v == 6 ? "CREATE INDEX CONCURRENTLY runs_migration_idx ON runs (migration);\n" : "")
          + (v == 3 ? "SELECT pg_sleep(0.5);\n" : ""));
    }
    Process a = MigrateProcessMain.start(db.url(), dir.dir, tmp.resolve("a.log"));
    Process b = MigrateProcessMain.start(db.url(), dir.dir, tmp.resolve("b.log"));
    assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS));
    String logA = Files.readString(tmp.resolve("a.log"));
    String logB = Files.readString(tmp.resolve("b.log"));
    assertEquals(0, a.exitValue(), logA);
    assertEquals(0, b.exitValue(), logB);
    assertEquals("11", db.value("SELECT count(*) FROM runs"));
    assertEquals("11", db.value("SELECT count(DISTINCT migration) FROM runs"));
    assertEquals("1", db.value("SELECT count(DISTINCT pid) FROM runs"), "one runner applied them all");
    assertEquals("12", db.value("SELECT count(*) FROM slipway_schema_history WHERE success"));
    assertEquals("12", db.value("SELECT count(DISTINCT version) FROM slipway_schema_history"));
    assertTrue((logA + logB).contains("APPLIED 12") && (logA + logB).contains("APPLIED 0"), logA + "\n---\n" + logB);
    assertTrue((logA + logB).contains("\"event\":\"lock.wait\""), "the second runner waited for the lock");
  }
}
