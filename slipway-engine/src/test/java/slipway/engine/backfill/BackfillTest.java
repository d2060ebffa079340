package slipway.engine.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import slipway.core.BadInputException;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class BackfillTest {
  private final List<String> said = new CopyOnWriteArrayList<>();

  private Backfill counting(TestDatabase db, String table) {
    return Backfill.of(db.url()).table(table)
        .set("counter = counter + 1, done = true").where("NOT done")
        .progress(said::add, Duration.ofMillis(100));
  }

  private static void accounts(TestDatabase db, int rows) throws Exception {
    db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, counter int NOT NULL DEFAULT 0,"
        + " done boolean NOT NULL DEFAULT false, balance int NOT NULL DEFAULT 0);"
        + "INSERT INTO accounts (id) SELECT g FROM generate_series(1, " + rows + ") g");
  }

  private static void assertEveryRowOnce(TestDatabase db, String table, int rows) throws Exception {
    assertEquals(rows + " 1 1", db.value("SELECT count(*) || ' ' || coalesce(min(counter), 1) || ' '"
        + " || coalesce(max(counter), 1) FROM " + table));
    assertEquals("0", db.value("SELECT count(*) FROM " + table + " WHERE NOT done"));
  }

  @Test
  void updatesEveryRowOnceInBatchesAndVerifies(TestDatabase db) throws Exception {
    accounts(db, 5000);
    BackfillResult r = counting(db, "accounts").batchSize(100, 700).initialBatchSize(100).run();
    assertEquals("finished", r.status());
    assertEquals(5000, r.rowsUpdated());
    assertEquals(0L, r.remaining());
    assertTrue(r.batches() >= 8, "batches: " + r.batches());
    assertEveryRowOnce(db, "accounts", 5000);
    assertEquals("finished 5000", db.value("SELECT status || ' ' || rows_done FROM slipway_backfill WHERE name = 'accounts'"));
    try (Connection c = db.connect()) {
      assertTrue(BackfillGate.isFinished(c, "accounts"));
    }
  }

  @Test
  void playbookEmailsInAFewLines(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL, email_normalized text);"
        + "INSERT INTO users (email) SELECT '  User' || g || '@Example.COM ' FROM generate_series(1, 2000) g");
    BackfillResult r = Backfill.of(db.url()).table("users")
        .set("email_normalized = lower(trim(email))").where("email_normalized IS NULL")
        .progress(said::add, Duration.ofSeconds(1)).run();
    assertTrue(r.finished());
    assertEquals("user7@example.com", db.value("SELECT email_normalized FROM users WHERE id = 7"));
    assertEquals("0", db.value("SELECT count(*) FROM users WHERE email_normalized IS NULL"));
  }

  @Test
  void missingStateSchemaIsOneLineAndChangesNothing(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE users (id serial PRIMARY KEY, email text, n int)");
    db.execute("INSERT INTO users (email) VALUES ('A')");
    BadInputException e = assertThrows(BadInputException.class, () -> Backfill.of(db.url()).stateSchema("nope")
        .table("users").set("n = 1").where("n IS NULL").run());
    assertEquals("--state-schema nope: schema does not exist; create it first (CREATE SCHEMA) or name an existing one",
        e.getMessage());
    assertEquals("1", db.value("SELECT count(*) FROM users WHERE n IS NULL"));
    assertEquals("0", db.value("SELECT count(*) FROM pg_class WHERE relname = 'slipway_backfill'"));
  }

  /** A claim about PostgreSQL (row comparison, SKIP LOCKED, PREPARE): proven on both majors. */
  @Tag("pg-behaviour")
  @Test
  void compositeKey(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE lines (order_id int, line int, counter int NOT NULL DEFAULT 0,"
        + " done boolean NOT NULL DEFAULT false, PRIMARY KEY (order_id, line));"
        + "INSERT INTO lines (order_id, line) SELECT o, l FROM generate_series(1, 300) o, generate_series(1, 7) l");
    BackfillResult r = counting(db, "lines").batchSize(50, 50).initialBatchSize(50).run();
    assertEquals("finished", r.status());
    assertEquals(2100, r.rowsUpdated());
    assertEquals(42, r.batches(), said.toString()); // 2100 keys / 50: range boundaries fall inside orders
    assertEveryRowOnce(db, "lines", 2100);
    assertEquals("{order_id,line}", db.value("SELECT key_columns FROM slipway_backfill"));
  }

  @Test
  void givenUniqueKeyInsteadOfPrimaryKey(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE t (id int PRIMARY KEY, code text NOT NULL UNIQUE, counter int NOT NULL DEFAULT 0,"
        + " done boolean NOT NULL DEFAULT false);"
        + "INSERT INTO t (id, code) SELECT g, md5(g::text) FROM generate_series(1, 500) g");
    BackfillResult r = counting(db, "t").key("code").batchSize(60, 60).run();
    assertTrue(r.finished());
    assertEveryRowOnce(db, "t", 500);
    BadInputException e = assertThrows(BadInputException.class, () -> counting(db, "t").name("other").key("counter").run());
    assertTrue(e.getMessage().contains("usable keys: (id) (code)"), e.getMessage());
  }

  @Test
  void emptyTable(TestDatabase db) throws Exception {
    accounts(db, 0);
    BackfillResult r = counting(db, "accounts").run();
    assertEquals("finished", r.status());
    assertEquals(0, r.rowsUpdated());
    assertEquals(0, r.batches());
  }

  @Test
  void predicateMatchingNothing(TestDatabase db) throws Exception {
    accounts(db, 1000);
    db.execute("UPDATE accounts SET done = true");
    BackfillResult r = counting(db, "accounts").run();
    assertEquals("finished", r.status());
    assertEquals(0, r.rowsUpdated());
    assertEquals("0", db.value("SELECT max(counter) FROM accounts"));
  }

  /** A claim about PostgreSQL (row comparison, SKIP LOCKED, PREPARE): proven on both majors. */
  @Tag("pg-behaviour")
  @Test
  void rowLockedByTheApplicationIsSkippedThenDone(TestDatabase db) throws Exception {
    accounts(db, 3000);
    try (Connection app = db.connect()) {
      app.setAutoCommit(false);
      try (Statement s = app.createStatement()) {
        s.execute("UPDATE accounts SET balance = balance + 1 WHERE id = 1234");
      }
      CompletableFuture<BackfillResult> run = CompletableFuture.supplyAsync(
          () -> counting(db, "accounts").batchSize(200, 200).lockTimeout(Duration.ofSeconds(30)).run());
      // Every other row gets done while the application holds row 1234: the backfill does not wait on it.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!"2999".equals(db.value("SELECT count(*) FROM accounts WHERE done"))) {
        assertTrue(System.nanoTime() < deadline, "rows done: " + db.value("SELECT count(*) FROM accounts WHERE done"));
        Thread.sleep(50);
      }
      assertEquals("f", db.value("SELECT done FROM accounts WHERE id = 1234"));
      Thread.sleep(300);
      assertFalse(run.isDone(), "the backfill waits for the skipped row before it verifies");
      app.commit();
      BackfillResult r = run.get(30, TimeUnit.SECONDS);
      assertEquals("finished", r.status());
      assertEveryRowOnce(db, "accounts", 3000);
      assertEquals("1", db.value("SELECT balance FROM accounts WHERE id = 1234"));
      assertEquals("[]", db.value("SELECT skipped::text FROM slipway_backfill"));
      assertTrue(said.stream().anyMatch(l -> l.contains("skipped 1 rows locked")), said.toString());
    }
  }

  @Test
  void pauseAndResume(TestDatabase db) throws Exception {
    accounts(db, 2000);
    BackfillControl control = BackfillControl.of(db::connect, "public");
    CompletableFuture<BackfillResult> run = CompletableFuture.supplyAsync(() -> counting(db, "accounts")
        .batchSize(20, 20).pause(Duration.ofMillis(20)).run());
    waitFor(db, "SELECT rows_done > 0 FROM slipway_backfill");
    assertTrue(control.pause("accounts").contains("paused"));
    Thread.sleep(700); // at most one batch in flight when pause arrived
    String before = db.value("SELECT count(*) FROM accounts WHERE done");
    Thread.sleep(1200);
    assertEquals(before, db.value("SELECT count(*) FROM accounts WHERE done"), "no batch while paused");
    assertFalse(run.isDone());
    BackfillControl.Status st = control.status("accounts").get(0);
    assertEquals("paused", st.status());
    assertTrue(st.runnerAttached());
    assertTrue(Integer.parseInt(before) < 2000);
    control.resume("accounts");
    BackfillResult r = run.get(60, TimeUnit.SECONDS);
    assertEquals("finished", r.status());
    assertEveryRowOnce(db, "accounts", 2000);
  }

  @Test
  void cancelStopsTheRunnerAndCannotBeResumed(TestDatabase db) throws Exception {
    accounts(db, 2000);
    BackfillControl control = BackfillControl.of(db::connect, "public");
    CompletableFuture<BackfillResult> run = CompletableFuture.supplyAsync(() -> counting(db, "accounts")
        .batchSize(20, 20).pause(Duration.ofMillis(20)).run());
    waitFor(db, "SELECT rows_done > 0 FROM slipway_backfill");
    control.cancel("accounts");
    BackfillResult r = run.get(30, TimeUnit.SECONDS);
    assertEquals("cancelled", r.status());
    assertTrue(Long.parseLong(db.value("SELECT count(*) FROM accounts WHERE done")) < 2000);
    assertEquals("0", db.value("SELECT count(*) FROM accounts WHERE counter > 1"));
    BadInputException e = assertThrows(BadInputException.class, () -> counting(db, "accounts").run());
    assertTrue(e.getMessage().contains("was cancelled"), e.getMessage());
    try (Connection c = db.connect()) {
      assertFalse(BackfillGate.isFinished(c, "accounts"));
    }
  }

  @Test
  void oneRunnerPerBackfill(TestDatabase db) throws Exception {
    accounts(db, 2000);
    CompletableFuture<BackfillResult> run = CompletableFuture.supplyAsync(() -> counting(db, "accounts")
        .batchSize(20, 20).pause(Duration.ofMillis(20)).run());
    waitFor(db, "SELECT rows_done > 0 FROM slipway_backfill");
    BadInputException e = assertThrows(BadInputException.class,
        () -> counting(db, "accounts").runnerWait(Duration.ofMillis(300)).run());
    assertTrue(e.getMessage().contains("already being run by another session"), e.getMessage());
    assertEquals("finished", run.get(60, TimeUnit.SECONDS).status());
    assertEveryRowOnce(db, "accounts", 2000);
  }

  /** A claim about PostgreSQL (row comparison, SKIP LOCKED, PREPARE): proven on both majors. */
  @Tag("pg-behaviour")
  @Test
  void killMinusNineMidwayThenRerunUpdatesEveryRowExactlyOnce(TestDatabase db) throws Exception {
    accounts(db, 20000);
    Process child = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
        BackfillChild.class.getName(), db.url(), "accounts").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!batchesAtLeast(db, 20)) {
        assertTrue(System.nanoTime() < deadline && child.isAlive(), "the child JVM made no progress");
        Thread.sleep(20);
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
    long doneAtKill = Long.parseLong(db.value("SELECT count(*) FROM accounts WHERE done"));
    assertTrue(doneAtKill > 0 && doneAtKill < 20000, "killed mid-way: " + doneAtKill);
    // The cursor committed with each batch: it agrees with the rows.
    assertEquals(Long.toString(doneAtKill), db.value("SELECT rows_done FROM slipway_backfill"));
    assertEquals(Long.toString(doneAtKill), db.value("SELECT cursor[1] FROM slipway_backfill"));
    BackfillResult r = counting(db, "accounts").run();
    assertEquals("finished", r.status());
    assertEquals(20000 - doneAtKill, r.rowsUpdated());
    assertEveryRowOnce(db, "accounts", 20000);
    assertTrue(said.stream().anyMatch(l -> l.contains("resuming")), said.toString());
  }

  /** A claim about PostgreSQL (row comparison, SKIP LOCKED, PREPARE): proven on both majors. */
  @Tag("pg-behaviour")
  @Test
  void badExpressionIsOneLineAndTouchesNothing(TestDatabase db) throws Exception {
    accounts(db, 10);
    BadInputException set = assertThrows(BadInputException.class,
        () -> counting(db, "accounts").set("counter = countr + 1").run());
    assertEquals("--set: column \"countr\" does not exist; fix the expression (checked with PREPARE on"
        + " public.accounts, no row was touched)", set.getMessage());
    BadInputException where = assertThrows(BadInputException.class,
        () -> counting(db, "accounts").where("done = 'maybe'").run());
    assertTrue(where.getMessage().startsWith("--where: invalid input syntax for type boolean"), where.getMessage());
    BadInputException two = assertThrows(BadInputException.class,
        () -> counting(db, "accounts").set("done = true; DROP TABLE accounts").run());
    assertTrue(two.getMessage().startsWith("--set: "), two.getMessage());
    BadInputException table = assertThrows(BadInputException.class, () -> counting(db, "acounts").run());
    assertEquals("acounts: no such table in this database; check the name and the search_path", table.getMessage());
    assertNull(db.value("SELECT to_regclass('slipway_backfill')"), "no state table created");
    assertEquals("0", db.value("SELECT count(*) FROM accounts WHERE done"));
  }

  @Test
  void setThatLeavesThePredicateTrueIsRefusedBeforeAnyRowChanges(TestDatabase db) throws Exception {
    accounts(db, 1000);
    BadInputException e = assertThrows(BadInputException.class,
        () -> counting(db, "accounts").set("counter = counter + 1").run());
    assertEquals("--set: 1000 rows of the batch after key (start) still match --where after the update, so a rerun"
        + " would update them again; make --where select exactly the rows still to do (nothing was changed)", e.getMessage());
    assertEquals("0", db.value("SELECT max(counter) FROM accounts"));
    assertEquals("0", db.value("SELECT rows_done FROM slipway_backfill"));
  }

  @Test
  void userQuestionMarkOperatorIsNotAJdbcPlaceholder(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE docs (id int PRIMARY KEY, body jsonb NOT NULL, has_tag boolean);"
        + "INSERT INTO docs SELECT g, CASE WHEN g % 2 = 0 THEN '{\"tag\": 1}'::jsonb ELSE '{}' END FROM generate_series(1, 100) g");
    BackfillResult r = Backfill.of(db.url()).table("docs").set("has_tag = body ? 'tag'").where("has_tag IS NULL")
        .progress(said::add, Duration.ofSeconds(1)).run();
    assertTrue(r.finished());
    assertEquals("50", db.value("SELECT count(*) FROM docs WHERE has_tag"));
  }

  @Test
  void insertSelectTemplate(TestDatabase db) throws Exception {
    accounts(db, 1000);
    db.execute("CREATE TABLE accounts_copy (id bigint PRIMARY KEY, balance int)");
    BackfillResult r = Backfill.of(db.url()).table("accounts").name("copy")
        .template("INSERT INTO accounts_copy (id, balance) SELECT a.id, a.balance FROM accounts a WHERE {range:a}"
            + " ON CONFLICT (id) DO NOTHING")
        .where("NOT EXISTS (SELECT FROM accounts_copy c WHERE c.id = accounts.id)")
        .batchSize(100, 100).progress(said::add, Duration.ofSeconds(1)).run();
    assertEquals("finished", r.status());
    assertEquals(1000, r.rowsUpdated());
    assertEquals(10, r.batches(), r.firstBatches().toString());
    assertEquals("1000", db.value("SELECT count(*) FROM accounts_copy"));
  }

  /**
   * A replica whose replay falls behind (the server's own pg_stat_replication.replay_lag) holds the
   * backfill; once it catches up the backfill resumes and finishes.
   */
  @Tag("pg-behaviour")
  @Test
  void holdsWhileAReplicaLagsAndResumesWhenItCatchesUp(TestDatabase db) throws Exception {
    accounts(db, 3000);
    try (slipway.engine.testing.LaggingReplica replica = slipway.engine.testing.LaggingReplica.start(db, 3000)) {
      // The server itself must measure the replica's lag before the backfill starts.
      replica.awaitLag(db, lag -> lag >= 1.5, "at least 1.5 s");
      CompletableFuture<BackfillResult> run = CompletableFuture.supplyAsync(() -> counting(db, "accounts")
          .batchSize(100, 100).maxReplicationLag(Duration.ofSeconds(1)).run());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (said.stream().noneMatch(l -> l.contains("replication lag")) && System.nanoTime() < deadline) {
        replica.writeWal(db);
        Thread.sleep(100);
      }
      assertTrue(said.stream().anyMatch(l -> l.contains("holding") && l.contains("replication lag")), said.toString());
      assertTrue(Integer.parseInt(db.value("SELECT count(*) FROM accounts WHERE done")) < 3000,
          "held before finishing: " + said);
      replica.delay(0);
      BackfillResult r = run.get(60, TimeUnit.SECONDS);
      assertEquals("finished", r.status(), said.toString());
      assertEveryRowOnce(db, "accounts", 3000);
      assertTrue(said.stream().anyMatch(l -> l.contains("resuming after")), said.toString());
      assertEquals(null, replica.failure());
    }
  }

  @Test
  void probeHoldsTheBackfillUntilItSaysGo(TestDatabase db) throws Exception {
    accounts(db, 500);
    db.execute("CREATE TABLE gate (go boolean); INSERT INTO gate VALUES (false)");
    CompletableFuture<BackfillResult> run = CompletableFuture.supplyAsync(() -> counting(db, "accounts")
        .probe("SELECT go FROM gate").run());
    Thread.sleep(1500);
    assertEquals("0", db.value("SELECT count(*) FROM accounts WHERE done"));
    assertTrue(said.stream().anyMatch(l -> l.contains("holding, probe returned false")), said.toString());
    db.execute("UPDATE gate SET go = true");
    assertEquals("finished", run.get(30, TimeUnit.SECONDS).status());
    assertTrue(said.stream().anyMatch(l -> l.contains("resuming after")), said.toString());
  }

  @Tag("pg-behaviour")
  @Test
  void holdsWhileApplicationSessionsQueueOnLocksOnTheTable(TestDatabase db) throws Exception {
    accounts(db, 500);
    try (Connection holder = db.connect(); Connection w1 = db.connect(); Connection w2 = db.connect()) {
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.execute("UPDATE accounts SET balance = 1 WHERE id = 1");
      }
      // Two application sessions queue behind the holder: pg_stat_activity shows them waiting on a Lock.
      CompletableFuture<Void> q1 = CompletableFuture.runAsync(() -> exec(w1, "UPDATE accounts SET balance = 2 WHERE id = 1"));
      CompletableFuture<Void> q2 = CompletableFuture.runAsync(() -> exec(w2, "UPDATE accounts SET balance = 3 WHERE id = 1"));
      waitFor(db, "SELECT count(*) = 2 FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
          + " AND datname = current_database()");
      CompletableFuture<BackfillResult> run = CompletableFuture.supplyAsync(() -> counting(db, "accounts")
          .maxLockWaiters(1).run());
      Thread.sleep(1500);
      assertEquals("0", db.value("SELECT count(*) FROM accounts WHERE done"));
      assertTrue(said.stream().anyMatch(l -> l.contains("holding, 2 sessions waiting on locks on the table (> 1)")),
          said.toString());
      holder.commit();
      q1.get(10, TimeUnit.SECONDS);
      q2.get(10, TimeUnit.SECONDS);
      assertEquals("finished", run.get(30, TimeUnit.SECONDS).status());
      assertEveryRowOnce(db, "accounts", 500);
    }
  }

  private static void exec(Connection c, String sql) {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A trigger plays an application that writes rows matching the predicate behind the cursor, once. */
  private static void redirtyOnce(TestDatabase db, int lastId, int upToId) throws Exception {
    db.execute("CREATE TABLE once (fired boolean);"
        + "CREATE FUNCTION redirty() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        + "  IF NEW.id = " + lastId + " AND NOT EXISTS (SELECT FROM once) THEN INSERT INTO once VALUES (true);"
        + "    UPDATE accounts SET done = false WHERE id <= " + upToId + "; END IF; RETURN NEW; END $$;"
        + "CREATE TRIGGER redirty AFTER UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION redirty()");
  }

  @Test
  void afewRowsStillMatchingAtVerificationAreRetriedByKey(TestDatabase db) throws Exception {
    accounts(db, 1000);
    redirtyOnce(db, 1000, 3);
    BackfillResult r = counting(db, "accounts").batchSize(100, 100).run();
    assertEquals("finished", r.status());
    assertEquals(1, r.passes());
    assertEquals("2 2 2 1", db.value("SELECT string_agg(counter::text, ' ' ORDER BY id) FROM accounts WHERE id <= 4"));
    assertTrue(said.stream().anyMatch(l -> l.contains("3 rows still match (locked or changed by the application"
        + " while their batch ran); retrying them by key")), said.toString());
  }

  @Test
  void manyRowsStillMatchingAtVerificationGetAnotherPass(TestDatabase db) throws Exception {
    accounts(db, 3000);
    redirtyOnce(db, 3000, 1500);
    BackfillResult r = counting(db, "accounts").batchSize(500, 500).run();
    assertEquals("finished", r.status());
    assertEquals(2, r.passes());
    assertEquals("2 1", db.value("SELECT min(counter) || ' ' || max(counter) - 1 FROM accounts WHERE id <= 1500"));
    assertEquals("1 1", db.value("SELECT min(counter) || ' ' || max(counter) FROM accounts WHERE id > 1500"));
  }

  private static void waitFor(TestDatabase db, String condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if ("t".equals(db.value("SELECT coalesce((" + condition + "), false)"))) {
          return;
        }
      } catch (java.sql.SQLException notYet) {
        // The state table appears with the runner's first statements.
      }
      assertTrue(System.nanoTime() < deadline, "timed out waiting for " + condition);
      Thread.sleep(20);
    }
  }

  private static boolean batchesAtLeast(TestDatabase db, int n) {
    try {
      return "t".equals(db.value("SELECT batches >= " + n + " FROM slipway_backfill"));
    } catch (java.sql.SQLException notYet) {
      return false;
    }
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
  }
}
