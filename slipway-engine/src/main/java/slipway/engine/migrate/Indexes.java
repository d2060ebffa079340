package slipway.engine.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import slipway.engine.postgres.Identifiers;

/** Index look-ups for the concurrent-build policy: is it there, is it valid, drop it. */
final class Indexes {
  private Indexes() {}

  /** An index of a table: its schema, name, and {@code pg_index.indisvalid}. */
  record State(long oid, String schema, String name, boolean valid) {
    String qualified() {
      return Identifiers.qualified(schema, name);
    }
  }

  /** The index {@code name} of {@code table} (a name as written, resolved by search_path), or null. */
  static State find(Connection c, String table, String name) throws SQLException {
    if (table == null || name == null) {
      return null;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT x.oid, n.nspname, x.relname, i.indisvalid FROM pg_index i "
        + "JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_namespace n ON n.oid = x.relnamespace "
        + "WHERE i.indrelid = to_regclass(?) AND x.relname = ?")) {
      ps.setString(1, table);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new State(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)) : null;
      }
    } catch (SQLException e) {
      if ("3F000".equals(e.getSQLState()) || "42P01".equals(e.getSQLState())) {
        return null; // the schema or table is not there (yet)
      }
      throw e;
    }
  }

  /** The INVALID indexes of {@code table}. */
  static List<State> invalidOn(Connection c, String table) throws SQLException {
    List<State> out = new ArrayList<>();
    if (table == null) {
      return out;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT x.oid, n.nspname, x.relname, i.indisvalid FROM pg_index i "
        + "JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_namespace n ON n.oid = x.relnamespace "
        + "WHERE i.indrelid = to_regclass(?) AND NOT i.indisvalid")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new State(rs.getLong(1), rs.getString(2), rs.getString(3), false));
        }
      }
    } catch (SQLException e) {
      if (!"3F000".equals(e.getSQLState()) && !"42P01".equals(e.getSQLState())) {
        throw e;
      }
    }
    return out;
  }

  /** Does a relation of this name (as written) exist? */
  static boolean exists(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    } catch (SQLException e) {
      if ("3F000".equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  /** DROP INDEX CONCURRENTLY IF EXISTS, in autocommit, with no lock timeout beyond {@code lockTimeoutMillis}. */
  static void dropConcurrently(Connection c, State index, long lockTimeoutMillis) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET lock_timeout = " + Identifiers.literal(lockTimeoutMillis + "ms"));
      s.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index.qualified());
    }
  }

  /** Every INVALID index in the database (post-flight report). */
  static List<MigrateResult.InvalidIndex> invalid(Connection c) throws SQLException {
    List<MigrateResult.InvalidIndex> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n.nspname, x.relname, t.relname "
        + "FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid "
        + "JOIN pg_namespace n ON n.oid = x.relnamespace WHERE NOT i.indisvalid ORDER BY 1, 2")) {
      while (rs.next()) {
        out.add(new MigrateResult.InvalidIndex(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return out;
  }
}
