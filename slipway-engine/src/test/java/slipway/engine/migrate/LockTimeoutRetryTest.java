package slipway.engine.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class LockTimeoutRetryTest {
  @TempDir Path tmp;

  /**
   * An open transaction that has read {@code orders} holds AccessShareLock until it ends; the ALTER
   * needs AccessExclusiveLock and, while it queues, every later query on {@code orders} queues
   * behind it. With lock_timeout each queueing lasts at most the timeout, then the runner backs
   * off and the queries flow again.
   */
  @Tag("pg-behaviour")
  @Test
  void retriesBehindAnOpenTransactionAndNeverBlocksTheApplicationLongerThanTheLockTimeout(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, total int);"
        + "INSERT INTO orders SELECT g, g FROM generate_series(1, 1000) g");
    MigrationDir dir = new MigrationDir(tmp).write("V1__region.sql", "ALTER TABLE orders ADD COLUMN region text;\n");
    Duration lockTimeout = Duration.ofSeconds(1);

    try (Connection holder = db.connect(); Connection app = db.connect()) {
      holder.setAutoCommit(false);
      int holderPid;
      try (Statement s = holder.createStatement()) {
        s.executeQuery("SELECT sum(total) FROM orders").close();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()");
        rs.next();
        holderPid = rs.getInt(1);
      }

      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong worstMillis = new AtomicLong();
      AtomicInteger queries = new AtomicInteger();
      CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
        try (Statement s = app.createStatement()) {
          while (!stop.get()) {
            // Each query timed on its own: each may queue behind one attempt of the ALTER.
            long t0 = System.nanoTime();
            s.executeQuery("SELECT total FROM orders WHERE id = 7").close();
            worstMillis.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
            t0 = System.nanoTime();
            s.executeUpdate("UPDATE orders SET total = total + 1 WHERE id = 8");
            worstMillis.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
            queries.incrementAndGet();
            Thread.sleep(10);
          }
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });

      CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(
          () -> dir.runner(db).lockTimeout(lockTimeout).retries(30).skipChecks(java.util.Set.of("sessions")).build().migrate());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (dir.messages("statement.retry").size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(dir.messages("statement.retry").size() >= 3, "the runner kept retrying: " + dir.messages("statement.retry"));
      assertTrue(!run.isDone(), "no success while the transaction is open");
      holder.commit();

      MigrateResult result = run.get(30, TimeUnit.SECONDS);
      stop.set(true);
      traffic.get(10, TimeUnit.SECONDS);

      assertEquals("1", db.value("SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' "
          + "AND column_name = 'region'"));
      MigrateResult.Outcome outcome = result.migrations().get(0);
      assertTrue(outcome.retries() >= 3, "retries recorded: " + outcome);
      assertTrue(outcome.lockWaitMillis() >= 3 * lockTimeout.toMillis() * 9 / 10, "lock wait measured: " + outcome);
      assertEquals(Integer.toString(outcome.retries()), db.value("SELECT lock_retries FROM slipway_schema_history"));
      String retry = dir.messages("statement.retry").get(0);
      assertTrue(retry.contains("pid " + holderPid) && retry.contains("idle in transaction")
          && retry.contains("SELECT pg_backend_pid()"), retry);
      assertTrue(queries.get() > 20, "the application kept working: " + queries.get() + " rounds");
      // The bound that matters: one lock_timeout (plus scheduling slack on a shared CI box), where without
      // lock_timeout the queries would queue for as long as the holder stays open (3+ timeouts here).
      System.out.println("LockTimeoutRetryTest: worst application query " + worstMillis.get() + " ms with lock_timeout "
          + lockTimeout.toMillis() + " ms, " + outcome.retries() + " retries");
      assertTrue(worstMillis.get() < lockTimeout.toMillis() + 500,
          "application queries waited at most lock_timeout + 500 ms; worst was " + worstMillis.get() + " ms");
    }
  }
}
