package slipway.engine.backfill;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import slipway.core.BadInputException;
import slipway.engine.postgres.Identifiers;

/**
 * The {@code slipway_backfill} table: one row per backfill with its definition, its cursor (the
 * last key of the last committed batch), counters and status. The runner updates the row in the
 * same transaction as each batch, so after a crash the cursor and the rows agree (see
 * docs/backfill.md, "State"). The table's version is in its comment: {@code slipway_backfill v1}.
 */
final class BackfillStore {
  static final String TABLE = "slipway_backfill";
  static final int VERSION = 1;
  private static final String COMMENT_PREFIX = "slipway_backfill v";

  private final String schema;

  BackfillStore(String schema) {
    this.schema = schema == null || schema.isBlank() ? "public" : schema;
  }

  String schema() {
    return schema;
  }

  String qualified() {
    return Identifiers.qualified(schema, TABLE);
  }

  /** One backfill's row. */
  record Row(String name, String table, List<String> keyColumns, String set, String where, String template,
      String status, int pass, List<String> cursor, long keysDone, long rowsDone, long batches, Integer batchSize,
      Double rowsPerSecond, int skipped, Long remaining, String message, java.time.OffsetDateTime updatedAt) {}

  boolean exists(Connection c) throws SQLException {
    return version(c) > 0;
  }

  /** 0 when the table does not exist. */
  int version(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT obj_description(to_regclass(?), 'pg_class'), to_regclass(?) IS NOT NULL")) {
      ps.setString(1, qualified());
      ps.setString(2, qualified());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(2)) {
          return 0;
        }
        String comment = rs.getString(1);
        if (comment == null || !comment.startsWith(COMMENT_PREFIX)) {
          throw new BadInputException(schema + "." + TABLE,
              "exists but was not created by Slipway (no version comment); rename it or use --state-schema");
        }
        return Integer.parseInt(comment.substring(COMMENT_PREFIX.length()).trim());
      }
    }
  }

  /** Creates the table when missing (serialised by a transaction-level advisory lock). */
  void ensure(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new BadInputException("--state-schema " + schema,
              "schema does not exist; create it first (CREATE SCHEMA) or name an existing one");
        }
      }
    }
    int v = version(c);
    if (v > VERSION) {
      throw new BadInputException(schema + "." + TABLE, "has version " + v
          + ", newer than this Slipway understands (" + VERSION + "); upgrade Slipway");
    }
    if (v == VERSION) {
      return;
    }
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_xact_lock(hashtext('slipway_backfill ddl'))");
      s.execute("CREATE TABLE IF NOT EXISTS " + qualified() + " (\n"
          + "  name text PRIMARY KEY,\n"
          + "  table_name text NOT NULL,\n"
          + "  key_columns text[] NOT NULL,\n"
          + "  set_clause text,\n"
          + "  where_clause text,\n"
          + "  template text,\n"
          + "  status text NOT NULL CHECK (status IN ('running', 'paused', 'cancelled', 'finished', 'unverified')),\n"
          + "  pass integer NOT NULL DEFAULT 1,\n"
          + "  cursor text[],\n"
          + "  keys_done bigint NOT NULL DEFAULT 0,\n"
          + "  rows_done bigint NOT NULL DEFAULT 0,\n"
          + "  batches bigint NOT NULL DEFAULT 0,\n"
          + "  batch_size integer,\n"
          + "  rows_per_second double precision,\n"
          + "  skipped jsonb NOT NULL DEFAULT '[]',\n"
          + "  remaining bigint,\n"
          + "  message text,\n"
          + "  created_at timestamptz NOT NULL DEFAULT now(),\n"
          + "  updated_at timestamptz NOT NULL DEFAULT now(),\n"
          + "  finished_at timestamptz)");
      s.execute("COMMENT ON TABLE " + qualified() + " IS " + Identifiers.literal(COMMENT_PREFIX + VERSION));
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  Row load(Connection c, String name) throws SQLException {
    if (!exists(c)) {
      return null;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT name, table_name, key_columns, set_clause, where_clause,"
        + " template, status, pass, cursor, keys_done, rows_done, batches, batch_size, rows_per_second,"
        + " jsonb_array_length(skipped), remaining, message, updated_at FROM " + qualified() + " WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? row(rs) : null;
      }
    }
  }

  List<Row> all(Connection c) throws SQLException {
    if (!exists(c)) {
      return List.of();
    }
    List<Row> out = new java.util.ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT name, table_name, key_columns, set_clause, where_clause,"
        + " template, status, pass, cursor, keys_done, rows_done, batches, batch_size, rows_per_second,"
        + " jsonb_array_length(skipped), remaining, message, updated_at FROM " + qualified() + " ORDER BY name");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(row(rs));
      }
    }
    return out;
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(rs.getString(1), rs.getString(2), strings(rs.getArray(3)), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getInt(8), strings(rs.getArray(9)), rs.getLong(10), rs.getLong(11),
        rs.getLong(12), (Integer) rs.getObject(13), (Double) rs.getObject(14), rs.getInt(15),
        (Long) rs.getObject(16), rs.getString(17), rs.getObject(18, java.time.OffsetDateTime.class));
  }

  private static List<String> strings(Array a) throws SQLException {
    return a == null ? null : Arrays.asList((String[]) a.getArray());
  }

  void insert(Connection c, String name, TargetTable table, String set, String where, String template)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + qualified()
        + " (name, table_name, key_columns, set_clause, where_clause, template, status) VALUES (?, ?, ?, ?, ?, ?, 'running')")) {
      ps.setString(1, name);
      ps.setString(2, table.display());
      ps.setArray(3, c.createArrayOf("text", table.keyNames().toArray()));
      ps.setString(4, set);
      ps.setString(5, where);
      ps.setString(6, template);
      ps.executeUpdate();
    }
  }

  /** Throws when a backfill of this name exists with another definition. */
  static void checkSameDefinition(Row row, TargetTable table, String set, String where, String template) {
    String what = null;
    if (!row.table().equals(table.display())) {
      what = "table " + row.table();
    } else if (!row.keyColumns().equals(table.keyNames())) {
      what = "key (" + String.join(", ", row.keyColumns()) + ")";
    } else if (!Objects.equals(row.set(), set)) {
      what = "SET " + row.set();
    } else if (!Objects.equals(row.where(), where)) {
      what = "WHERE " + row.where();
    } else if (!Objects.equals(row.template(), template)) {
      what = "template " + row.template();
    }
    if (what != null) {
      throw new BadInputException("backfill " + row.name(), "already exists with another definition (" + what
          + "); give another --name, or cancel it and start over");
    }
  }

  /** Sets the status; returns false when the row's status was not one of {@code from}. */
  boolean setStatus(Connection c, String name, String to, String message, String... from) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + qualified()
        + " SET status = ?, message = coalesce(?, message), updated_at = now(),"
        + " finished_at = CASE WHEN ? IN ('finished', 'cancelled', 'unverified') THEN now() END"
        + " WHERE name = ? AND status = ANY (?)")) {
      ps.setString(1, to);
      ps.setString(2, message);
      ps.setString(3, to);
      ps.setString(4, name);
      ps.setArray(5, c.createArrayOf("text", from));
      return ps.executeUpdate() == 1;
    }
  }

  /** The per-batch update, in the batch's transaction. Returns the status (a pause or cancel may have arrived). */
  String recordBatch(Connection c, String name, List<String> cursor, long keys, long rows, int batchSize,
      double rowsPerSecond, String newSkipped, boolean replaceSkipped) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + qualified() + " SET"
        + " cursor = coalesce(?, cursor), keys_done = keys_done + ?, rows_done = rows_done + ?,"
        + " batches = batches + 1, batch_size = ?, rows_per_second = ?,"
        + " skipped = CASE WHEN ? THEN CAST(? AS jsonb) ELSE skipped || CAST(? AS jsonb) END,"
        + " updated_at = now() WHERE name = ? RETURNING status")) {
      ps.setArray(1, cursor == null ? null : c.createArrayOf("text", cursor.toArray()));
      ps.setLong(2, keys);
      ps.setLong(3, rows);
      ps.setInt(4, batchSize);
      ps.setDouble(5, rowsPerSecond);
      ps.setBoolean(6, replaceSkipped);
      ps.setString(7, newSkipped);
      ps.setString(8, newSkipped);
      ps.setString(9, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("backfill " + name + " vanished from " + qualified());
        }
        return rs.getString(1);
      }
    }
  }

  String skippedKeys(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT skipped::text FROM " + qualified() + " WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "[]";
      }
    }
  }

  void setSkipped(Connection c, String name, String keys) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + qualified()
        + " SET skipped = CAST(? AS jsonb), updated_at = now() WHERE name = ?")) {
      ps.setString(1, keys);
      ps.setString(2, name);
      ps.executeUpdate();
    }
  }

  void startPass(Connection c, String name, int pass) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + qualified()
        + " SET pass = ?, cursor = NULL, keys_done = 0, updated_at = now() WHERE name = ?")) {
      ps.setInt(1, pass);
      ps.setString(2, name);
      ps.executeUpdate();
    }
  }

  void finish(Connection c, String name, String status, Long remaining, String message) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + qualified()
        + " SET status = ?, remaining = ?, message = ?, updated_at = now(), finished_at = now()"
        + " WHERE name = ? AND status = 'running'")) {
      ps.setString(1, status);
      ps.setObject(2, remaining);
      ps.setString(3, message);
      ps.setString(4, name);
      ps.executeUpdate();
    }
  }

  void message(Connection c, String name, String message) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + qualified()
        + " SET message = ?, updated_at = now() WHERE name = ?")) {
      ps.setString(1, message);
      ps.setString(2, name);
      ps.executeUpdate();
    }
  }

  /** The advisory lock key pair of one backfill's runner: (hashtext of the state table, hashtext of the name). */
  static String lockArgs() {
    return "hashtext(?), hashtext(?)";
  }

  String lockNamespace() {
    return schema + "." + TABLE;
  }

  /** Whether some session holds the runner lock of this backfill, and which pid (0 if none). */
  int runnerPid(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pid FROM pg_locks WHERE locktype = 'advisory'"
        + " AND granted AND classid::int = hashtext(?) AND objid::int = hashtext(?) AND objsubid = 2"
        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1")) {
      ps.setString(1, lockNamespace());
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }
}
