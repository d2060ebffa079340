package slipway.engine.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import slipway.engine.postgres.Identifiers;

/**
 * An existing {@code flyway_schema_history}, read and written with Flyway's exact columns and
 * checksums, so a Flyway project adopts Slipway without re-baselining (and can go back).
 * Flyway's table has no place for per-statement progress: for a migration run in several groups
 * Slipway keeps it in {@code slipway_flyway_progress} beside it, keyed by installed_rank.
 */
final class FlywayHistory extends History {
  static final String DEFAULT_TABLE = "flyway_schema_history";
  static final String PROGRESS_TABLE = "slipway_flyway_progress";
  private final String progress;

  FlywayHistory(String schema, String name) {
    super(schema, name);
    this.progress = Identifiers.qualified(schema, PROGRESS_TABLE);
  }

  @Override
  public String mode() {
    return "flyway";
  }

  @Override
  public void ensure(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (!exists(c)) {
        // Flyway's own DDL for PostgreSQL (createMetaDataTable.sql).
        s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
        s.execute("CREATE TABLE " + qualified + " ("
            + "installed_rank INT NOT NULL, version VARCHAR(50), description VARCHAR(200) NOT NULL, "
            + "type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INTEGER, "
            + "installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(), "
            + "execution_time INTEGER NOT NULL, success BOOLEAN NOT NULL)");
        s.execute("ALTER TABLE " + qualified + " ADD CONSTRAINT " + Identifiers.quote(name + "_pk")
            + " PRIMARY KEY (installed_rank)");
        s.execute("CREATE INDEX " + Identifiers.quote(name + "_s_idx") + " ON " + qualified + " (success)");
      }
      s.execute("CREATE TABLE IF NOT EXISTS " + progress + " (installed_rank integer PRIMARY KEY, "
          + "statements_total integer NOT NULL, statements_done integer NOT NULL, "
          + "lock_wait_ms bigint NOT NULL DEFAULT 0, lock_retries integer NOT NULL DEFAULT 0)");
    }
  }

  @Override
  public List<AppliedMigration> applied(Connection c) throws SQLException {
    List<AppliedMigration> rows = new ArrayList<>();
    if (!exists(c)) {
      return rows;
    }
    boolean hasProgress = Tables.exists(c, schema, PROGRESS_TABLE);
    String sql = "SELECT h.installed_rank, h.version, h.description, h.type, h.script, h.checksum, h.installed_by, "
        + "h.installed_on, h.execution_time, h.success, "
        + (hasProgress ? "coalesce(p.statements_total, -1), coalesce(p.statements_done, CASE WHEN h.success THEN -1 ELSE 0 END), "
            + "coalesce(p.lock_wait_ms, 0), coalesce(p.lock_retries, 0) FROM " + qualified + " h LEFT JOIN " + progress
            + " p USING (installed_rank)"
            : "-1, CASE WHEN h.success THEN -1 ELSE 0 END, 0, 0 FROM " + qualified + " h")
        + " ORDER BY h.installed_rank";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String checksum = rs.getString(6);
        rows.add(new AppliedMigration(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            checksum, rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getInt(9), rs.getBoolean(10),
            rs.getInt(11), rs.getInt(12), rs.getLong(13), rs.getInt(14)));
      }
    }
    return rows;
  }

  @Override
  public String checksumOf(Migration m) {
    return Integer.toString(m.flywayChecksum());
  }

  @Override
  public int insert(Connection c, Migration m, int total, int done, boolean success, long executionMillis,
                    long lockWaitMillis, int retries, String installedBy) throws SQLException {
    int rank;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + qualified + " (installed_rank, version, description, "
        + "type, script, checksum, installed_by, execution_time, success) SELECT coalesce(max(installed_rank), 0) + 1, "
        + "?, ?, 'SQL', ?, ?, coalesce(?, current_user), ?, ? FROM " + qualified + " RETURNING installed_rank")) {
      ps.setString(1, m.version() == null ? null : m.version().toString());
      ps.setString(2, m.description());
      ps.setString(3, m.script());
      ps.setInt(4, m.flywayChecksum());
      ps.setString(5, installedBy);
      ps.setInt(6, (int) executionMillis);
      ps.setBoolean(7, success);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        rank = rs.getInt(1);
      }
    }
    if (!success || lockWaitMillis > 0 || retries > 0) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + progress + " (installed_rank, statements_total, "
          + "statements_done, lock_wait_ms, lock_retries) VALUES (?, ?, ?, ?, ?)")) {
        ps.setInt(1, rank);
        ps.setInt(2, total);
        ps.setInt(3, done);
        ps.setLong(4, lockWaitMillis);
        ps.setInt(5, retries);
        ps.executeUpdate();
      }
    }
    return rank;
  }

  @Override
  public void update(Connection c, int rank, int done, boolean success, long executionMillis, long lockWaitMillis,
                     int retries) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + qualified + " SET success = ?, execution_time = ? "
        + "WHERE installed_rank = ?")) {
      ps.setBoolean(1, success);
      ps.setInt(2, (int) executionMillis);
      ps.setInt(3, rank);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + progress + " SET statements_done = ?, lock_wait_ms = ?, "
        + "lock_retries = ? WHERE installed_rank = ?")) {
      ps.setInt(1, done);
      ps.setLong(2, lockWaitMillis);
      ps.setInt(3, retries);
      ps.setInt(4, rank);
      ps.executeUpdate();
    }
  }

  @Override
  void deleteBeside(Connection c, int rank) throws SQLException {
    if (!Tables.exists(c, schema, PROGRESS_TABLE)) return;
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + progress + " WHERE installed_rank = ?")) {
      ps.setInt(1, rank);
      ps.executeUpdate();
    }
  }

  @Override
  String baselineColumns() {
    return "";
  }

  @Override
  String baselineValues() {
    return "";
  }

  @Override
  void bindChecksum(PreparedStatement ps, int index, Migration m) throws SQLException {
    ps.setInt(index, m.flywayChecksum());
  }
}
