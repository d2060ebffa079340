package slipway.engine.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where applied migrations are recorded: Slipway's own table or an existing Flyway table.
 * Every write runs on the caller's connection, so it commits with the caller's transaction.
 */
interface History {
  /** The qualified table name, for messages. */
  String table();

  /** {@code slipway} or {@code flyway}. */
  String mode();

  boolean exists(Connection c) throws SQLException;

  /** Creates the table when missing (under the runner lock). */
  void ensure(Connection c) throws SQLException;

  /** Every row, by installed rank; empty when the table does not exist. */
  List<AppliedMigration> applied(Connection c) throws SQLException;

  /** The checksum of a file as this table stores it. */
  String checksumOf(Migration m);

  /**
   * Inserts a row for {@code m} and returns its rank: {@code success} false while the migration is
   * in flight (then {@code done} statements have committed), true when it completes in one go.
   */
  int insert(Connection c, Migration m, int total, int done, boolean success, long executionMillis,
             long lockWaitMillis, int retries, String installedBy) throws SQLException;

  /** Records progress of an in-flight migration; {@code success} true when it completed. */
  void update(Connection c, int rank, int done, boolean success, long executionMillis, long lockWaitMillis,
              int retries) throws SQLException;

  void insertBaseline(Connection c, Version version, String description, String installedBy) throws SQLException;

  void updateChecksum(Connection c, int rank, Migration m) throws SQLException;

  void delete(Connection c, int rank) throws SQLException;
}
