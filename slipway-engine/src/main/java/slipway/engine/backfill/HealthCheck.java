package slipway.engine.backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import slipway.core.BadInputException;

/**
 * Reads the signals the backfill throttles on, between batches: replication lag (the largest
 * {@code replay_lag} in {@code pg_stat_replication}; NULL without the pg_monitor role, read as 0),
 * sessions waiting on a lock while holding one on the target table (application sessions queued
 * on each other or on DDL: more writes would lengthen the queue), and an optional user probe, a
 * query whose one boolean column says "go on" (true) or "hold" (false or NULL).
 */
final class HealthCheck {
  /** What was measured. {@code reason} is null when all is well. */
  record Reading(double lagSeconds, int lockWaiters, Boolean probe, String reason, boolean slowOnly) {}

  private final long oid;
  private final double maxLagSeconds;
  private final int maxLockWaiters;
  private final String probe;

  HealthCheck(long tableOid, double maxLagSeconds, int maxLockWaiters, String probe) {
    this.oid = tableOid;
    this.maxLagSeconds = maxLagSeconds;
    this.maxLockWaiters = maxLockWaiters;
    this.probe = probe == null || probe.isBlank() ? null : probe;
  }

  /** Runs the probe once before starting: it must be one query returning a boolean. */
  void validate(Connection c) {
    if (probe == null) {
      return;
    }
    try {
      runProbe(c);
    } catch (SQLException e) {
      throw new BadInputException("--probe", TargetTable.firstLine(e) + "; the probe must be one query returning a boolean");
    }
  }

  Reading read(Connection c) throws SQLException {
    double lag;
    int waiters;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT (SELECT coalesce(max(extract(epoch FROM replay_lag)), 0) FROM pg_stat_replication),"
            + " (SELECT count(*) FROM pg_stat_activity a WHERE a.wait_event_type = 'Lock'"
            + "   AND a.datname = current_database()"
            + "   AND a.pid <> pg_backend_pid() AND EXISTS (SELECT 1 FROM pg_locks l"
            + "     WHERE l.pid = a.pid AND l.locktype = 'relation' AND l.relation = ?))")) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        lag = rs.getDouble(1);
        waiters = rs.getInt(2);
      }
    }
    Boolean go = probe == null ? Boolean.TRUE : runProbe(c);
    String reason = null;
    boolean slowOnly = false;
    if (maxLagSeconds > 0 && lag > maxLagSeconds) {
      reason = String.format("replication lag %.1f s > %.1f s", lag, maxLagSeconds);
    } else if (maxLockWaiters >= 0 && waiters > maxLockWaiters) {
      reason = waiters + " sessions waiting on locks on the table (> " + maxLockWaiters + ")";
    } else if (!Boolean.TRUE.equals(go)) {
      reason = "probe returned " + go;
    } else if (maxLagSeconds > 0 && lag > maxLagSeconds / 2) {
      reason = String.format("replication lag %.1f s, over half of %.1f s", lag, maxLagSeconds);
      slowOnly = true;
    }
    return new Reading(lag, waiters, go, reason, slowOnly);
  }

  private Boolean runProbe(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(probe)) {
      if (rs.getMetaData().getColumnCount() != 1) {
        throw new SQLException("the probe returned " + rs.getMetaData().getColumnCount() + " columns, not 1");
      }
      if (!rs.next()) {
        return null;
      }
      Object v = rs.getObject(1);
      if (v != null && !(v instanceof Boolean)) {
        throw new SQLException("the probe returned a " + rs.getMetaData().getColumnTypeName(1) + ", not a boolean");
      }
      return (Boolean) v;
    }
  }
}
