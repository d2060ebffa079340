package slipway.engine.migrate;

import slipway.core.source.Version;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import slipway.engine.postgres.Identifiers;

/**
 * Where applied migrations are recorded: Slipway's own table or an existing Flyway table.
 * Every write runs on the caller's connection, so it commits with the caller's transaction.
 */
abstract class History {
  protected final String schema;
  protected final String name;
  /** The table's name quoted for SQL: {@code "public"."slipway_schema_history"}. */
  protected final String qualified;

  History(String schema, String name) {
    this.schema = schema;
    this.name = name;
    this.qualified = Identifiers.qualified(schema, name);
  }

  /** The qualified table name, for messages. */
  String table() {
    return schema + "." + name;
  }

  /** {@code slipway} or {@code flyway}. */
  abstract String mode();

  boolean exists(Connection c) throws SQLException {
    return Tables.exists(c, schema, name);
  }

  /** Creates the table when missing (under the runner lock). */
  abstract void ensure(Connection c) throws SQLException;

  /** Every row, by installed rank; empty when the table does not exist. */
  abstract List<AppliedMigration> applied(Connection c) throws SQLException;

  /** The checksum of a file as this table stores it. */
  abstract String checksumOf(Migration m);

  /**
   * Inserts a row for {@code m} and returns its rank: {@code success} false while the migration is
   * in flight (then {@code done} statements have committed), true when it completes in one go.
   */
  abstract int insert(Connection c, Migration m, int total, int done, boolean success, long executionMillis,
             long lockWaitMillis, int retries, String installedBy) throws SQLException;

  /** Records progress of an in-flight migration; {@code success} true when it completed. */
  abstract void update(Connection c, int rank, int done, boolean success, long executionMillis, long lockWaitMillis,
              int retries) throws SQLException;

  /** Columns a baseline row fills beyond Flyway's (with a leading comma), and their values. */
  abstract String baselineColumns();

  abstract String baselineValues();

  /** Binds a migration's checksum as this table stores it (Flyway's CRC32 integer, Slipway's SHA-256 text). */
  abstract void bindChecksum(PreparedStatement ps, int index, Migration m) throws SQLException;

  /** Deletes what the table keeps beside a row (Flyway mode's progress row); before the row itself. */
  void deleteBeside(Connection c, int rank) throws SQLException {}

  void insertBaseline(Connection c, Version version, String description, String installedBy) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + qualified + " (installed_rank, version, description, "
        + "type, script, checksum, installed_by, execution_time, success" + baselineColumns() + ") "
        + "SELECT coalesce(max(installed_rank), 0) + 1, ?, ?, 'BASELINE', ?, NULL, coalesce(?, current_user), 0, true"
        + baselineValues() + " FROM " + qualified)) {
      ps.setString(1, version.toString());
      ps.setString(2, description);
      ps.setString(3, description);
      ps.setString(4, installedBy);
      ps.executeUpdate();
    }
  }

  void updateChecksum(Connection c, int rank, Migration m) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + qualified + " SET checksum = ?, description = ?, script = ? "
        + "WHERE installed_rank = ?")) {
      bindChecksum(ps, 1, m);
      ps.setString(2, m.description());
      ps.setString(3, m.script());
      ps.setInt(4, rank);
      ps.executeUpdate();
    }
  }

  void delete(Connection c, int rank) throws SQLException {
    deleteBeside(c, rank);
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + qualified + " WHERE installed_rank = ?")) {
      ps.setInt(1, rank);
      ps.executeUpdate();
    }
  }
}
