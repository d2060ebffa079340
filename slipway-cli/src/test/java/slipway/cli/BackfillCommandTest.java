package slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class BackfillCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static void users(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, email_normalized text);"
        + "INSERT INTO users (id, email) SELECT g, ' A' || g || '@X.org' FROM generate_series(1, 3000) g");
  }

  @Test
  void runThenStatus(TestDatabase db) throws Exception {
    users(db);
    int code = run("backfill", "run", "--url", db.url(), "--table", "users",
        "--set", "email_normalized = lower(trim(email))", "--where", "email_normalized IS NULL",
        "--max-batch", "500", "--progress-ms", "0");
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().startsWith("backfill users: finished, 3,000 rows updated in "), out.toString());
    assertTrue(out.toString().contains("verified: no row matches the predicate"), out.toString());
    assertTrue(err.toString().contains("rows/s"), err.toString());
    assertEquals("0", db.value("SELECT count(*) FROM users WHERE email_normalized IS NULL"));

    out.getBuffer().setLength(0);
    assertEquals(0, run("backfill", "status", "--url", db.url()));
    assertTrue(out.toString().startsWith("users  finished  on public.users (key id)"), out.toString());
    assertTrue(out.toString().contains("3,000 rows done"), out.toString());
    assertTrue(out.toString().contains("runner: none"), out.toString());
  }

  @Test
  void badExpressionIsOneLineExitTwoAndNothingChanges(TestDatabase db) throws Exception {
    users(db);
    int code = run("backfill", "run", "--url", db.url(), "--table", "users",
        "--set", "email_normalized = lower(trim(emial))", "--where", "email_normalized IS NULL");
    assertEquals(2, code);
    assertEquals("slipway: --set: column \"emial\" does not exist; fix the expression (checked with PREPARE on"
        + " public.users, no row was touched)\n", err.toString());
    assertEquals("3000", db.value("SELECT count(*) FROM users WHERE email_normalized IS NULL"));
    assertEquals(null, db.value("SELECT to_regclass('slipway_backfill')"));
  }

  @Test
  void fromABackfillFile(TestDatabase db, @TempDir Path dir) throws Exception {
    users(db);
    Path f = dir.resolve("V5__normalize_emails.backfill");
    Files.writeString(f, "table = users\nset = email_normalized = lower(trim(email))\nwhere = email_normalized IS NULL\n");
    assertEquals(0, run("backfill", "run", "--url", db.url(), "--file", f.toString()), err.toString());
    assertEquals("finished", db.value("SELECT status FROM slipway_backfill WHERE name = 'normalize_emails'"));
  }

  @Test
  void controlCommandsOnUnknownOrFinishedBackfills(TestDatabase db) throws Exception {
    users(db);
    assertEquals(2, run("backfill", "pause", "--url", db.url(), "--name", "nope"));
    assertEquals("slipway: backfill nope: no such backfill in public.slipway_backfill; see slipway backfill status"
        + " for the names\n", err.toString());
    assertEquals(0, run("backfill", "run", "--url", db.url(), "--table", "users",
        "--set", "email_normalized = lower(email)", "--where", "email_normalized IS NULL"));
    err.getBuffer().setLength(0);
    assertEquals(2, run("backfill", "resume", "--url", db.url(), "--name", "users"));
    assertEquals("slipway: backfill users: is finished, cannot become running (only from paused)\n", err.toString());
  }

  @Test
  void unreachableDatabaseIsExitTwoWithTheUrlRedacted() {
    assertEquals(2, run("backfill", "status", "--url", "postgres://app:s3cret@localhost:1/app"));
    assertTrue(err.toString().startsWith("slipway: ") && err.toString().contains("cannot connect"), err.toString());
    assertTrue(!err.toString().contains("s3cret"), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
  }

  /** Ctrl-C (SIGTERM here: the same shutdown hooks) stops after the current batch; a rerun finishes, each row once. */
  @Test
  void sigtermStopsAfterTheCurrentBatchAndRerunResumes(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE accounts (id int PRIMARY KEY, counter int NOT NULL DEFAULT 0, done boolean NOT NULL DEFAULT false);"
        + "INSERT INTO accounts (id) SELECT g FROM generate_series(1, 20000) g");
    String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    Path log = Files.createTempFile("backfill", ".log");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "backfill", "run", "--url", db.url(), "--table", "accounts", "--set", "counter = counter + 1, done = true",
        "--where", "NOT done", "--min-batch", "50", "--max-batch", "50", "--pause-ms", "5")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!batchesAtLeast(db, 20)) {
        assertTrue(System.nanoTime() < deadline && child.isAlive(), Files.readString(log));
        Thread.sleep(20);
      }
      child.destroy(); // SIGTERM
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    String said = Files.readString(log);
    assertTrue(said.contains("stopped after") && said.contains("run it again to resume"), said);
    long done = Long.parseLong(db.value("SELECT count(*) FROM accounts WHERE done"));
    assertTrue(done > 0 && done < 20000, said);
    assertEquals(Long.toString(done), db.value("SELECT rows_done FROM slipway_backfill"));
    assertEquals(0, run("backfill", "run", "--url", db.url(), "--table", "accounts",
        "--set", "counter = counter + 1, done = true", "--where", "NOT done"), err.toString());
    assertEquals("20000 1 1", db.value("SELECT count(*) || ' ' || min(counter) || ' ' || max(counter) FROM accounts"));
  }

  private static boolean batchesAtLeast(TestDatabase db, int n) {
    try {
      return "t".equals(db.value("SELECT batches >= " + n + " FROM slipway_backfill"));
    } catch (java.sql.SQLException notYet) {
      return false;
    }
  }

  @Test
  void helpHasAWorkingExample() {
    assertEquals(0, run("backfill", "run", "--help"));
    assertTrue(out.toString().contains("Example: slipway backfill run --url"), out.toString());
    assertEquals(2, run("backfill", "run", "--table", "t", "--bogus"));
  }
}
