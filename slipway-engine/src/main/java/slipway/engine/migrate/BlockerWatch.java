package slipway.engine.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Watches the runner's session from a second connection while a statement runs: how long it waits
 * for locks, and which sessions block it ({@code pg_blocking_pids}). Samples every 100 ms once a
 * statement has run for 150 ms, so fast statements cost nothing; reports blockers every 5 s while
 * a statement waits, so a long concurrent build says what holds it back.
 */
final class BlockerWatch implements AutoCloseable {
  private static final long SAMPLE_MILLIS = 100;
  private static final long FIRST_SAMPLE_MILLIS = 150;
  private static final long REPORT_MILLIS = 5000;

  /** A session in the way: pid, state, transaction age, query (shortened, literals hidden near passwords). */
  record Blocker(int pid, String state, double xactSeconds, String query) {
    String describe() {
      return "pid " + pid + " (" + state + ", transaction open " + String.format("%.1fs", xactSeconds) + "): " + query;
    }

    Map<String, Object> json() {
      return Map.of("pid", pid, "state", state, "xactSeconds", Math.round(xactSeconds * 10) / 10.0, "query", query);
    }
  }

  /** What was seen while one statement ran. */
  record Seen(long lockWaitMillis, List<Blocker> blockers) {}

  private final ConnectionSource source;
  private final Events events;
  private final Thread thread;
  private volatile boolean closed;
  private Connection connection;

  private final Object monitor = new Object();
  private int targetPid;
  private String label;
  private long startNanos;
  private long lastSampleNanos;
  private long lockWaitNanos;
  private long lastReportNanos;
  private List<Blocker> blockers = List.of();
  private boolean active;

  BlockerWatch(ConnectionSource source, Events events) {
    this.source = source;
    this.events = events;
    this.thread = new Thread(this::loop, "slipway-blocker-watch");
    thread.setDaemon(true);
    thread.start();
  }

  void begin(int pid, String label) {
    synchronized (monitor) {
      this.targetPid = pid;
      this.label = label;
      this.startNanos = System.nanoTime();
      this.lastSampleNanos = 0;
      this.lockWaitNanos = 0;
      this.lastReportNanos = startNanos;
      this.blockers = List.of();
      this.active = true;
    }
  }

  Seen end() {
    synchronized (monitor) {
      active = false;
      return new Seen(lockWaitNanos / 1_000_000, blockers);
    }
  }

  private void loop() {
    while (!closed) {
      try {
        Thread.sleep(SAMPLE_MILLIS);
        int pid;
        synchronized (monitor) {
          if (!active || System.nanoTime() - startNanos < FIRST_SAMPLE_MILLIS * 1_000_000) {
            continue;
          }
          pid = targetPid;
        }
        sample(pid);
      } catch (InterruptedException e) {
        return;
      } catch (SQLException | RuntimeException e) {
        // Watching is best effort: a lost monitor connection must not stop a migration.
        closeConnection();
      }
    }
    closeConnection();
  }

  private void sample(int pid) throws SQLException {
    if (connection == null) {
      connection = source.open();
    }
    boolean waiting = false;
    List<Blocker> found = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT a.wait_event_type, b.pid, b.state, "
        + "extract(epoch FROM clock_timestamp() - coalesce(b.xact_start, b.backend_start))::float8, b.query "
        + "FROM pg_stat_activity a LEFT JOIN LATERAL unnest(pg_blocking_pids(a.pid)) AS bp(pid) ON true "
        + "LEFT JOIN pg_stat_activity b ON b.pid = bp.pid WHERE a.pid = ?")) {
      ps.setInt(1, pid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          waiting |= "Lock".equals(rs.getString(1));
          if (rs.getObject(2) != null) {
            found.add(new Blocker(rs.getInt(2), String.valueOf(rs.getString(3)), rs.getDouble(4), shorten(rs.getString(5))));
          }
        }
      }
    }
    MigrateEvent report = null;
    synchronized (monitor) {
      if (!active || pid != targetPid) {
        return;
      }
      long now = System.nanoTime();
      if (waiting) {
        lockWaitNanos += now - (lastSampleNanos == 0 ? startNanos : lastSampleNanos);
      }
      lastSampleNanos = now;
      if (!found.isEmpty()) {
        blockers = List.copyOf(found);
        if (now - lastReportNanos >= REPORT_MILLIS * 1_000_000) {
          lastReportNanos = now;
          long waited = (now - startNanos) / 1_000_000;
          report = Events.event("statement.waiting", label + " waiting " + Durations.human(java.time.Duration.ofMillis(waited))
                  + " for " + describe(found))
              .with("statement", label).with("waitedMs", waited).with("blockers", found.stream().map(Blocker::json).toList());
        }
      }
    }
    if (report != null) {
      events.emit(report);
    }
  }

  static String describe(List<Blocker> blockers) {
    if (blockers.isEmpty()) {
      return "no blocker seen";
    }
    StringBuilder sb = new StringBuilder();
    for (Blocker b : blockers) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(b.describe());
    }
    return sb.toString();
  }

  /** One line, at most 120 characters; string literals hidden when the text mentions a password. */
  static String shorten(String query) {
    if (query == null) {
      return "";
    }
    String q = query.replaceAll("\\s+", " ").strip();
    if (q.toLowerCase().contains("password")) {
      q = q.replaceAll("'(?:[^']|'')*'", "'…'");
    }
    return q.length() > 120 ? q.substring(0, 117) + "..." : q;
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing a monitor connection that already failed
      }
      connection = null;
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
