package slipway.engine.migrate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.zip.CRC32;

/**
 * One runner at a time per history table: a session-level advisory lock
 * {@code pg_try_advisory_lock(1397510231, crc32('<schema>.<table>'))} (1397510231 is "SLPW"),
 * polled from a session in autocommit. Never a blocking or transaction-level lock: a waiting runner
 * that holds a snapshot would make the first runner's CREATE INDEX CONCURRENTLY wait for it
 * forever (Flyway issues #3497, #1654). The lock goes when the session ends, even on SIGKILL.
 */
final class RunnerLock implements AutoCloseable {
  static final int CLASS_ID = 0x534C5057;
  private static final long POLL_MILLIS = 250;
  private final Connection connection;
  private final int objectId;

  private RunnerLock(Connection connection, int objectId) {
    this.connection = connection;
    this.objectId = objectId;
  }

  static int objectId(String historyTable) {
    CRC32 crc = new CRC32();
    crc.update(historyTable.getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  /**
   * Polls until the lock is taken or {@code wait} has passed (then {@link MigrationFailedException}).
   * {@code connection} must be in autocommit; it holds the lock until {@link #close()}.
   */
  static RunnerLock acquire(Connection connection, String historyTable, Duration wait, Events events)
      throws SQLException {
    if (!connection.getAutoCommit()) {
      throw new IllegalStateException("the runner lock is polled outside any transaction");
    }
    int objectId = objectId(historyTable);
    long deadline = System.nanoTime() + wait.toNanos();
    boolean reported = false;
    while (true) {
      if (tryLock(connection, objectId)) {
        return new RunnerLock(connection, objectId);
      }
      if (!reported) {
        Integer holder = holder(connection, historyTable);
        events.emit(Events.event("lock.wait", "another runner (pid " + holder + ") is migrating this database; waiting up to "
            + Durations.human(wait)).with("holderPid", holder).with("waitMs", wait.toMillis()));
        reported = true;
      }
      if (System.nanoTime() >= deadline) {
        Integer holder = holder(connection, historyTable);
        throw new MigrationFailedException("another Slipway runner (pid " + holder + ") still holds the migration lock on "
            + historyTable + " after " + Durations.human(wait) + "; let it finish, or raise --lock-wait");
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MigrationFailedException("interrupted while waiting for the migration lock");
      }
    }
  }

  private static boolean tryLock(Connection c, int objectId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
      ps.setInt(1, CLASS_ID);
      ps.setInt(2, objectId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** The pid of the session holding the lock, or null. */
  static Integer holder(Connection c, String historyTable) throws SQLException {
    // The two-key form of an advisory lock shows in pg_locks with objsubid 2.
    try (PreparedStatement ps = c.prepareStatement("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
        + "AND classid = ?::oid AND objid = ?::oid AND objsubid = 2 AND database = (SELECT oid FROM pg_database "
        + "WHERE datname = current_database())")) {
      ps.setLong(1, Integer.toUnsignedLong(CLASS_ID));
      ps.setLong(2, Integer.toUnsignedLong(objectId(historyTable)));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : null;
      }
    }
  }

  @Override
  public void close() throws SQLException {
    if (connection.isClosed()) {
      return;
    }
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
      ps.setInt(1, CLASS_ID);
      ps.setInt(2, objectId);
      ps.execute();
    }
  }
}
