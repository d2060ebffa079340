package slipway.engine.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import slipway.core.rule.Stats;

/**
 * Reads table sizes, row estimates and write rates from a live database, for {@code slipway stats
 * export} and {@code lint --url}: {@code pg_class.reltuples}, {@code pg_total_relation_size} (heap,
 * TOAST and indexes) and the {@code n_tup_ins/upd/del} counters of {@code pg_stat_user_tables} divided by
 * the seconds since the statistics were reset (or the server started). No row is read.
 */
public final class StatsExport {
  private static final String QUERY = """
      SELECT n.nspname, c.relname, greatest(c.reltuples, 0)::bigint AS rows,
             pg_total_relation_size(c.oid) AS bytes,
             coalesce(s.n_tup_ins, 0), coalesce(s.n_tup_upd, 0), coalesce(s.n_tup_del, 0),
             greatest(extract(epoch FROM now() - coalesce(d.stats_reset, pg_postmaster_start_time())), 1)
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
      LEFT JOIN pg_stat_database d ON d.datname = current_database()
      WHERE c.relkind IN ('r', 'p', 'm')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
      ORDER BY 1, 2
      """;

  private StatsExport() {}

  public static Stats export(Connection c) throws SQLException {
    Map<String, Stats.TableStats> tables = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(QUERY); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String schema = rs.getString(1);
        String name = schema.equals("public") ? rs.getString(2) : schema + "." + rs.getString(2);
        double seconds = rs.getDouble(8);
        tables.put(name, new Stats.TableStats(name, rs.getLong(3), rs.getLong(4), rs.getLong(5) / seconds,
            rs.getLong(6) / seconds, rs.getLong(7) / seconds));
      }
    }
    return new Stats(tables);
  }

  /** The server's major version (for the stats file). */
  public static int major(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseMajorVersion();
  }
}
