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
 * {@code slipway_schema_history}, table version 1 (docs/migrate.md): Flyway's columns plus
 * per-statement progress and measured lock waits. The version is kept in the table's comment so a
 * newer Slipway can upgrade the table.
 */
final class SlipwayHistory extends History {
  static final String DEFAULT_TABLE = "slipway_schema_history";
  static final int TABLE_VERSION = 1;

  SlipwayHistory(String schema, String name) {
    super(schema, name);
  }

  @Override
  public String mode() {
    return "slipway";
  }

  @Override
  public void ensure(Connection c) throws SQLException {
    if (exists(c)) {
      String comment = Tables.comment(c, schema, name);
      if (comment != null && comment.matches("slipway_schema_history v\\d+")) {
        int v = Integer.parseInt(comment.substring(comment.indexOf(" v") + 2));
        if (v > TABLE_VERSION) {
          throw new MigrationFailedException(table() + " is at table version " + v + ", written by a newer Slipway (this one knows "
              + TABLE_VERSION + "); upgrade Slipway");
        }
      }
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
      s.execute("CREATE TABLE IF NOT EXISTS " + qualified + " ("
          + "installed_rank integer PRIMARY KEY, "
          + "version text, "
          + "description text NOT NULL, "
          + "type text NOT NULL, "
          + "script text NOT NULL, "
          + "checksum text, "
          + "installed_by text NOT NULL, "
          + "installed_on timestamptz NOT NULL DEFAULT now(), "
          + "execution_time integer NOT NULL, "
          + "success boolean NOT NULL, "
          + "statements_total integer NOT NULL, "
          + "statements_done integer NOT NULL, "
          + "lock_wait_ms bigint NOT NULL DEFAULT 0, "
          + "lock_retries integer NOT NULL DEFAULT 0)");
      s.execute("COMMENT ON TABLE " + qualified + " IS "
          + Identifiers.literal("slipway_schema_history v" + TABLE_VERSION));
    }
  }

  @Override
  public List<AppliedMigration> applied(Connection c) throws SQLException {
    List<AppliedMigration> rows = new ArrayList<>();
    if (!exists(c)) {
      return rows;
    }
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT installed_rank, version, description, type, script, checksum, installed_by, "
             + "installed_on, execution_time, success, statements_total, statements_done, lock_wait_ms, lock_retries FROM "
             + qualified + " ORDER BY installed_rank")) {
      while (rs.next()) {
        rows.add(new AppliedMigration(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getInt(9), rs.getBoolean(10),
            rs.getInt(11), rs.getInt(12), rs.getLong(13), rs.getInt(14)));
      }
    }
    return rows;
  }

  @Override
  public String checksumOf(Migration m) {
    return m.checksum();
  }

  @Override
  public int insert(Connection c, Migration m, int total, int done, boolean success, long executionMillis,
                    long lockWaitMillis, int retries, String installedBy) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + qualified + " (installed_rank, version, description, "
        + "type, script, checksum, installed_by, execution_time, success, statements_total, statements_done, lock_wait_ms, "
        + "lock_retries) SELECT coalesce(max(installed_rank), 0) + 1, ?, ?, ?, ?, ?, coalesce(?, current_user), ?, ?, ?, ?, ?, ? FROM "
        + qualified + " RETURNING installed_rank")) {
      ps.setString(1, m.version() == null ? null : m.version().toString());
      ps.setString(2, m.description());
      ps.setString(3, m.type());
      ps.setString(4, m.script());
      ps.setString(5, m.checksum());
      ps.setString(6, installedBy);
      ps.setInt(7, (int) executionMillis);
      ps.setBoolean(8, success);
      ps.setInt(9, total);
      ps.setInt(10, done);
      ps.setLong(11, lockWaitMillis);
      ps.setInt(12, retries);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Override
  public void update(Connection c, int rank, int done, boolean success, long executionMillis, long lockWaitMillis,
                     int retries) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + qualified + " SET statements_done = ?, success = ?, "
        + "execution_time = ?, lock_wait_ms = ?, lock_retries = ? WHERE installed_rank = ?")) {
      ps.setInt(1, done);
      ps.setBoolean(2, success);
      ps.setInt(3, (int) executionMillis);
      ps.setLong(4, lockWaitMillis);
      ps.setInt(5, retries);
      ps.setInt(6, rank);
      ps.executeUpdate();
    }
  }

  @Override
  String baselineColumns() {
    return ", statements_total, statements_done";
  }

  @Override
  String baselineValues() {
    return ", 0, 0";
  }

  @Override
  void bindChecksum(PreparedStatement ps, int index, Migration m) throws SQLException {
    ps.setString(index, m.checksum());
  }
}
