package slipway.engine.testing;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * A physical replica that applies WAL late, on the real replication protocol: a walsender streams WAL to
 * it (it shows in {@code pg_stat_replication}) and it reports each position as written at once but
 * flushed and applied only {@link #delay(long)} milliseconds after it arrived, so the server's own lag
 * tracker measures a {@code replay_lag} of about that delay. With no standby binaries here (the embedded
 * server has no pg_basebackup), this is how tests see a replica fall behind and catch up.
 */
public final class LaggingReplica implements AutoCloseable {
  private final Connection connection;
  private final PGReplicationStream stream;
  private final AtomicLong delayMillis;
  private final Thread thread;
  private volatile boolean stop;
  private volatile Throwable failure;

  private LaggingReplica(Connection connection, PGReplicationStream stream, long delayMillis) {
    this.connection = connection;
    this.stream = stream;
    this.delayMillis = new AtomicLong(delayMillis);
    this.thread = new Thread(this::run, "lagging-replica");
    this.thread.setDaemon(true);
  }

  /** Starts streaming from the database's server at its current WAL position. */
  public static LaggingReplica start(TestDatabase db, long delayMillis) throws SQLException {
    // The flush position: with synchronous_commit off the insert position may be ahead of what can be streamed.
    String start = db.value("SELECT pg_current_wal_flush_lsn()");
    Properties props = new Properties();
    PGProperty.REPLICATION.set(props, "true");
    PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, "10");
    PGProperty.PREFER_QUERY_MODE.set(props, "simple");
    Connection c = DriverManager.getConnection(db.url(), props);
    PGReplicationStream s = c.unwrap(PGConnection.class).getReplicationAPI().replicationStream().physical()
        .withStartPosition(LogSequenceNumber.valueOf(start))
        .withStatusInterval(100, TimeUnit.MILLISECONDS)
        .start();
    LaggingReplica r = new LaggingReplica(c, s, delayMillis);
    r.thread.start();
    return r;
  }

  /** From now on, apply what arrives this many milliseconds late (0: catch up). */
  public void delay(long millis) {
    delayMillis.set(millis);
  }

  private void run() {
    ArrayDeque<long[]> arrived = new ArrayDeque<>(); // {nanoTime, lsn}
    try {
      while (!stop) {
        ByteBuffer msg = stream.readPending();
        long now = System.nanoTime();
        if (msg != null) {
          arrived.add(new long[] {now, stream.getLastReceiveLSN().asLong()});
        }
        long due = now - TimeUnit.MILLISECONDS.toNanos(delayMillis.get());
        LogSequenceNumber applied = null;
        while (!arrived.isEmpty() && arrived.peek()[0] <= due) {
          applied = LogSequenceNumber.valueOf(arrived.poll()[1]);
        }
        if (applied != null) {
          stream.setFlushedLSN(applied);
          stream.setAppliedLSN(applied);
          stream.forceUpdateStatus();
        }
        if (msg == null) {
          Thread.sleep(10);
        }
      }
    } catch (Throwable e) {
      if (!stop) {
        failure = e;
      }
    }
  }

  /** The largest {@code replay_lag} the server reports for its replicas, in seconds (0 when none). */
  public static double replayLag(TestDatabase db) throws SQLException {
    return Double.parseDouble(db.value("SELECT coalesce(max(extract(epoch FROM replay_lag)), 0) FROM pg_stat_replication"));
  }

  /** Writes some WAL for the replica to fall behind on (or catch up with), in a table of its own. */
  public void writeWal(TestDatabase db) throws SQLException {
    db.execute("CREATE TABLE IF NOT EXISTS lagging_replica_wal (pad text);"
        + "INSERT INTO lagging_replica_wal SELECT repeat('x', 200) FROM generate_series(1, 200)");
  }

  /**
   * Writes WAL until the server's replay lag satisfies {@code wanted} (e.g. at least 1.5 s), for at most 30 s;
   * fails with what {@code pg_stat_replication} showed otherwise.
   */
  public void awaitLag(TestDatabase db, java.util.function.DoublePredicate wanted, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    double lag = replayLag(db);
    while (!wanted.test(lag) && System.nanoTime() < deadline) {
      writeWal(db);
      Thread.sleep(100);
      lag = replayLag(db);
    }
    if (!wanted.test(lag)) {
      throw new AssertionError("replay lag never became " + what + ": " + lag + " s; " + db.column(
          "SELECT concat_ws(' ', state, sent_lsn, write_lsn, flush_lsn, replay_lsn, write_lag, flush_lag, replay_lag,"
              + " pg_current_wal_lsn()) FROM pg_stat_replication") + "; stream error: " + failure);
    }
  }

  /** The error that stopped the stream, if any (a test should assert it is null). */
  public Throwable failure() {
    return failure;
  }

  @Override
  public void close() throws Exception {
    stop = true;
    thread.join(5000);
    try {
      stream.close();
    } finally {
      connection.close();
    }
  }
}
