package slipway.engine.backfill;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import slipway.engine.postgres.EmbeddedServer;

/**
 * The backfill benchmark (bench/backfill.sh; not a unit test). On one embedded server, on a fresh
 * table of --rows rows each time, while a steady workload (point reads and updates by primary key
 * at a fixed rate, in Java threads) runs against the same table: (a) one single UPDATE, (b) the
 * playbook's SKIP LOCKED loop as its DO block, (c) slipway backfill. Prints rows/s, time per batch
 * at the start and the end, the workload's p50/p99/max latency against a quiet baseline, and the
 * longest lock wait a workload query saw.
 */
public final class BackfillBench {
  private static int rows = 2_000_000;
  private static int rate = 400; // workload operations per second, half reads, half updates
  private static int threads = 8;
  private static int baselineSeconds = 15;
  private static String only = "update,playbook,slipway";
  private static final List<String> batchTargets = new ArrayList<>();

  private BackfillBench() {}

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--rows" -> rows = Integer.parseInt(args[i + 1]);
        case "--rate" -> rate = Integer.parseInt(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--baseline-seconds" -> baselineSeconds = Integer.parseInt(args[i + 1]);
        case "--only" -> only = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; options: --rows N --rate OPS --threads N --baseline-seconds S --only update,playbook,slipway");
      }
    }
    try (EmbeddedServer server = EmbeddedServer.start()) {
      String url = server.jdbcUrl("postgres");
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT version(), current_setting('shared_buffers')")) {
        rs.next();
        System.out.printf("server: %s, shared_buffers %s; %d rows; workload %d ops/s (half point reads, half"
            + " updates by primary key) on %d connections; %d CPUs%n", rs.getString(1).replaceAll(" on .*", ""),
            rs.getString(2), rows, rate, threads, Runtime.getRuntime().availableProcessors());
      }
      List<Row> results = new ArrayList<>();
      fresh(url);
      Workload quiet = Workload.start(url);
      sleep(baselineSeconds * 1000L);
      results.add(new Row("quiet baseline (no backfill)", Double.NaN, "", "", quiet.stop()));

      if (only.contains("update")) {
        fresh(url);
        Workload w = Workload.start(url);
        sleep(2000);
        long t0 = System.nanoTime();
        long n;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
          n = s.executeUpdate("UPDATE users SET email_normalized = lower(trim(email)) WHERE email_normalized IS NULL");
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        results.add(new Row("(a) single UPDATE", n / secs, String.format("1 batch, %.1f s", secs), "", w.stop()));
        check(url);
      }
      if (only.contains("playbook")) {
        fresh(url);
        Workload w = Workload.start(url);
        sleep(2000);
        long t0 = System.nanoTime();
        List<Double> stamps = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
          // The playbook's loop verbatim, plus one NOTICE per batch to time it.
          s.execute("""
              DO $$
              DECLARE
              batch_size INT := 5000;
              rows_updated INT;
              BEGIN
              LOOP
              UPDATE users
              SET email_normalized = lower(trim(email))
              WHERE id IN (
              SELECT id FROM users
              WHERE email_normalized IS NULL
              LIMIT batch_size
              FOR UPDATE SKIP LOCKED
              );
              GET DIAGNOSTICS rows_updated = ROW_COUNT;
              RAISE NOTICE '%', extract(epoch FROM clock_timestamp());
              EXIT WHEN rows_updated = 0;
              PERFORM pg_sleep(0.1); -- breathe between batches
              END LOOP;
              END $$""");
          for (SQLWarning warn = s.getWarnings(); warn != null; warn = warn.getNextWarning()) {
            stamps.add(Double.parseDouble(warn.getMessage()));
          }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        // Batch i's time: from the end of the sleep after batch i-1 to its NOTICE.
        List<Double> batchMs = new ArrayList<>();
        for (int i = 1; i < stamps.size() - 1; i++) {
          batchMs.add((stamps.get(i) - stamps.get(i - 1)) * 1000 - 100);
        }
        results.add(new Row("(b) playbook DO loop (5000, SKIP LOCKED, sleep 0.1)", rows / secs,
            batchMs.isEmpty() ? "" : String.format("%.0f ms / 5000 rows", avg(batchMs.subList(0, Math.min(5, batchMs.size())))),
            batchMs.isEmpty() ? "" : String.format("%.0f ms / 5000 rows", avg(batchMs.subList(Math.max(0, batchMs.size() - 5), batchMs.size()))),
            w.stop()));
        check(url);
      }
      if (only.contains("slipway")) {
        fresh(url);
        Workload w = Workload.start(url);
        sleep(2000);
        BackfillResult r = Backfill.of(url).table("users").set("email_normalized = lower(trim(email))")
            .where("email_normalized IS NULL").progress(line -> System.err.println("  " + line), Duration.ofSeconds(5))
            .run();
        Stats stats = w.stop();
        if (!r.finished()) {
          throw new IllegalStateException("slipway backfill did not finish: " + r);
        }
        // The batches at the start, once the size has settled (batches 11-15: the size starts at 1,000
        // and at most doubles per batch), and the last five full batches.
        List<BackfillResult.BatchTiming> firsts = r.firstBatches().subList(Math.min(10, r.firstBatches().size() - 1),
            r.firstBatches().size());
        List<BackfillResult.BatchTiming> lasts = r.lastBatches().subList(0, Math.max(1, r.lastBatches().size() - 1));
        List<BackfillResult.BatchTiming> startWindow = firsts.subList(0, Math.min(5, firsts.size()));
        List<BackfillResult.BatchTiming> endWindow = lasts.subList(Math.max(0, lasts.size() - 5), lasts.size());
        double startMs = startWindow.stream().mapToDouble(BackfillResult.BatchTiming::millis).average().orElse(0);
        double endMs = endWindow.stream().mapToDouble(BackfillResult.BatchTiming::millis).average().orElse(0);
        double startPerKey = startMs / startWindow.stream().mapToDouble(BackfillResult.BatchTiming::keys).average().orElse(1);
        double endPerKey = endMs / endWindow.stream().mapToDouble(BackfillResult.BatchTiming::keys).average().orElse(1);
        batchTargets.add(String.format(Locale.ROOT, "target: time per batch at the end within 1.5x of the start:"
            + " %.0f ms vs %.0f ms (%.2fx); per 1k rows %.1f ms vs %.1f ms (%.2fx)", endMs, startMs, endMs / startMs,
            endPerKey * 1000, startPerKey * 1000, endPerKey / startPerKey));
        results.add(new Row("(c) slipway backfill (target 200 ms)", r.rowsUpdated() / r.seconds(),
            timing(firsts.subList(0, Math.min(5, firsts.size()))),
            timing(lasts.subList(Math.max(0, lasts.size() - 5), lasts.size())), stats));
        check(url);
      }
      print(results);
    }
  }

  private static String timing(List<BackfillResult.BatchTiming> batches) {
    double ms = batches.stream().mapToDouble(BackfillResult.BatchTiming::millis).average().orElse(0);
    double keys = batches.stream().mapToDouble(BackfillResult.BatchTiming::keys).average().orElse(0);
    return String.format(Locale.ROOT, "%.0f ms / %,.0f rows (%.1f ms per 1k)", ms, keys, ms / keys * 1000);
  }

  private static double avg(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  private record Row(String name, double rowsPerSecond, String batchStart, String batchEnd, Stats workload) {}

  private static void print(List<Row> rows) {
    System.out.println();
    System.out.printf("%-52s %12s  %-32s  %-32s  %-30s  %s%n", "", "rows/s", "time per batch, start",
        "time per batch, end", "workload p50 / p99 / max (ms)", "longest lock wait");
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, "%-52s %12s  %-32s  %-32s  %-30s  %s%n", r.name,
          Double.isNaN(r.rowsPerSecond) ? "-" : String.format(Locale.ROOT, "%,.0f", r.rowsPerSecond),
          r.batchStart, r.batchEnd,
          String.format(Locale.ROOT, "%.2f / %.2f / %.0f  (%,d ops)", r.workload.p50, r.workload.p99, r.workload.max, r.workload.ops),
          String.format(Locale.ROOT, "%.0f ms", r.workload.maxLockWaitMs));
    }
    Row base = rows.get(0);
    Row update = rows.stream().filter(r -> r.name.startsWith("(a)")).findFirst().orElse(null);
    Row slipway = rows.stream().filter(r -> r.name.startsWith("(c)")).findFirst().orElse(null);
    if (slipway != null) {
      System.out.println();
      if (update != null) {
        System.out.printf(Locale.ROOT, "target: slipway throughput >= 60%% of the single UPDATE: %.0f%%%n",
            100 * slipway.rowsPerSecond / update.rowsPerSecond);
      }
      batchTargets.forEach(System.out::println);
      System.out.printf(Locale.ROOT, "target: workload p99 during slipway within 2x baseline: %.2f ms vs %.2f ms (%.1fx)%n",
          slipway.workload.p99, base.workload.p99, slipway.workload.p99 / base.workload.p99);
      System.out.printf(Locale.ROOT, "target: no workload query waits over 1 s on a lock: longest %.0f ms%n",
          slipway.workload.maxLockWaitMs);
    }
  }

  private static void fresh(String url) throws SQLException {
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS users; DROP TABLE IF EXISTS slipway_backfill");
      s.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, email_normalized text,"
          + " balance int NOT NULL DEFAULT 0, created_at timestamptz NOT NULL DEFAULT now())");
      s.execute("INSERT INTO users (id, email) SELECT g, '  User' || g || '@Example.COM ' FROM generate_series(1, "
          + rows + ") g");
      s.execute("VACUUM ANALYZE users");
      s.execute("CHECKPOINT");
    }
    System.err.printf("fresh table of %,d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
  }

  private static void check(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM users WHERE email_normalized IS NULL"
             + " OR email_normalized <> lower(trim(email))")) {
      rs.next();
      if (rs.getLong(1) != 0) {
        throw new IllegalStateException(rs.getLong(1) + " rows not backfilled");
      }
    }
  }

  /** Latencies of the workload's operations, and the longest lock wait its sessions showed. */
  private record Stats(long ops, double p50, double p99, double max, double maxLockWaitMs) {}

  /** Point reads and updates by primary key at a fixed rate, on {@code threads} connections. */
  private static final class Workload {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> workers = new ArrayList<>();
    private final List<long[]> latencies = new ArrayList<>();
    private final AtomicLong maxLockWaitMicros = new AtomicLong();
    private Thread monitor;

    static Workload start(String url) {
      Workload w = new Workload();
      long intervalNanos = 1_000_000_000L * threads / rate;
      for (int t = 0; t < threads; t++) {
        long[] lat = new long[10_000_000 / threads];
        w.latencies.add(lat);
        Thread th = new Thread(() -> w.work(url, intervalNanos, lat), "workload-" + t);
        w.workers.add(th);
        th.start();
      }
      w.monitor = new Thread(() -> w.watchLocks(url), "lock-monitor");
      w.monitor.start();
      return w;
    }

    private int[] counts;

    private void work(String url, long intervalNanos, long[] lat) {
      int n = 0;
      try (Connection c = DriverManager.getConnection(url + "&ApplicationName=bench-workload");
           PreparedStatement read = c.prepareStatement("SELECT email, balance FROM users WHERE id = ?");
           PreparedStatement update = c.prepareStatement("UPDATE users SET balance = balance + 1 WHERE id = ?")) {
        long next = System.nanoTime() + ThreadLocalRandom.current().nextLong(intervalNanos);
        while (running.get()) {
          long now = System.nanoTime();
          if (now < next) {
            Thread.sleep((next - now) / 1_000_000, (int) ((next - now) % 1_000_000));
            continue;
          }
          next += intervalNanos;
          if (next < now) {
            next = now + intervalNanos; // fell behind (blocked): no burst to catch up
          }
          long id = 1 + ThreadLocalRandom.current().nextLong(rows);
          long t0 = System.nanoTime();
          if ((n & 1) == 0) {
            read.setLong(1, id);
            try (ResultSet rs = read.executeQuery()) {
              rs.next();
            }
          } else {
            update.setLong(1, id);
            update.executeUpdate();
          }
          if (n < lat.length) {
            lat[n] = System.nanoTime() - t0;
          }
          n++;
        }
      } catch (SQLException | InterruptedException e) {
        if (running.get()) {
          throw new IllegalStateException(e);
        }
      }
      synchronized (this) {
        if (counts == null) {
          counts = new int[threads];
        }
        counts[workers.indexOf(Thread.currentThread())] = Math.min(n, lat.length);
      }
    }

    private void watchLocks(String url) {
      try (Connection c = DriverManager.getConnection(url);
           PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(extract(epoch FROM clock_timestamp() - query_start)"
               + " * 1e6), 0)::bigint FROM pg_stat_activity WHERE application_name = 'bench-workload'"
               + " AND wait_event_type = 'Lock'")) {
        while (running.get()) {
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            maxLockWaitMicros.accumulateAndGet(rs.getLong(1), Math::max);
          }
          Thread.sleep(20);
        }
      } catch (SQLException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    Stats stop() throws InterruptedException {
      running.set(false);
      for (Thread t : workers) {
        t.join();
      }
      monitor.join();
      int total = Arrays.stream(counts).sum();
      long[] all = new long[total];
      int k = 0;
      for (int t = 0; t < threads; t++) {
        System.arraycopy(latencies.get(t), 0, all, k, counts[t]);
        k += counts[t];
      }
      Arrays.sort(all);
      double p50 = all.length == 0 ? 0 : all[(int) (all.length * 0.50)] / 1e6;
      double p99 = all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6;
      double max = all.length == 0 ? 0 : all[all.length - 1] / 1e6;
      return new Stats(total, p50, p99, max, maxLockWaitMicros.get() / 1000.0);
    }
  }

  private static void sleep(long ms) throws InterruptedException {
    Thread.sleep(ms);
  }
}
