package slipway.engine.backfill;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import slipway.core.BadInputException;
import slipway.engine.postgres.Identifiers;

/**
 * The table a backfill walks, as PostgreSQL resolves the user's name, and the key it walks it by:
 * the primary key, or the columns of a unique, valid, non-partial btree index whose columns are all
 * NOT NULL and ascending (so a row comparison {@code (a, b) > ($1, $2)} is an index range scan, see
 * the PostgreSQL docs "Row Constructor Comparison" and "Multicolumn Indexes").
 */
record TargetTable(long oid, String schema, String name, List<KeyColumn> key, String keyIndex) {

  record KeyColumn(String name, String type) {
    String quoted() {
      return Identifiers.quote(name);
    }
  }

  TargetTable {
    key = List.copyOf(key);
  }

  String qualified() {
    return Identifiers.qualified(schema, name);
  }

  String display() {
    return schema + "." + name;
  }

  List<String> keyNames() {
    return key.stream().map(KeyColumn::name).collect(Collectors.toList());
  }

  /** Resolves {@code table} (as written in SQL: {@code users}, {@code app.users}, {@code "Users"}) and its key. */
  static TargetTable resolve(Connection c, String table, List<String> keyColumns) throws SQLException {
    if (table == null || table.isBlank()) {
      throw new BadInputException("--table", "no table given; name the table to backfill");
    }
    long oid;
    String schema;
    String name;
    String kind;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT c.oid, n.nspname, c.relname, c.relkind::text FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new BadInputException(table, "no such table in this database; check the name and the search_path");
        }
        oid = rs.getLong(1);
        schema = rs.getString(2);
        name = rs.getString(3);
        kind = rs.getString(4);
      }
    } catch (SQLException e) {
      if ("42602".equals(e.getSQLState()) || "3F000".equals(e.getSQLState())) {
        throw new BadInputException(table, firstLine(e) + "; write the table as in SQL, e.g. app.users");
      }
      throw e;
    }
    if (kind.equals("p")) {
      throw new BadInputException(table,
          "is a partitioned table; backfill each partition on its own (--table <partition>)");
    }
    if (!kind.equals("r")) {
      throw new BadInputException(table, "is not a table (relkind " + kind + "); backfill the table itself");
    }
    List<Candidate> candidates = keyCandidates(c, oid);
    Candidate chosen;
    if (keyColumns == null || keyColumns.isEmpty()) {
      chosen = candidates.stream().filter(k -> k.primary).findFirst().orElseThrow(() -> new BadInputException(table,
          "has no primary key; give --key with the columns of a unique NOT NULL btree index"));
      if (!chosen.usable()) {
        throw new BadInputException(table, "its primary key " + chosen.index + " cannot be walked in order ("
            + chosen.problem() + "); give --key with another unique index's columns");
      }
    } else {
      chosen = candidates.stream().filter(k -> k.columns.equals(keyColumns) && k.usable()).findFirst()
          .orElseThrow(() -> new BadInputException(table, "no unique, valid, non-partial btree index on NOT NULL"
              + " ascending columns (" + String.join(", ", keyColumns) + ") in this order; usable keys: "
              + candidates.stream().filter(Candidate::usable).map(k -> "(" + String.join(", ", k.columns) + ")")
                  .collect(Collectors.joining(" ")) + "; create one CONCURRENTLY or pick one of these"));
    }
    List<KeyColumn> key = new ArrayList<>();
    for (int i = 0; i < chosen.columns.size(); i++) {
      key.add(new KeyColumn(chosen.columns.get(i), chosen.types.get(i)));
    }
    return new TargetTable(oid, schema, name, key, chosen.index);
  }

  private record Candidate(String index, boolean primary, List<String> columns, List<String> types,
      boolean notNull, boolean ascending) {
    boolean usable() {
      return notNull && ascending;
    }

    String problem() {
      return !notNull ? "a column allows NULL" : "a column is DESC or NULLS FIRST";
    }
  }

  private static List<Candidate> keyCandidates(Connection c, long oid) throws SQLException {
    // Unique, valid, non-partial btree indexes on plain columns; the key columns only (not INCLUDE).
    String sql = """
        SELECT ic.relname, i.indisprimary,
               array_agg(a.attname::text ORDER BY k.ord),
               array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY k.ord),
               bool_and(a.attnotnull),
               bool_and(i.indoption[k.ord - 1] = 0)
          FROM pg_index i
          JOIN pg_class ic ON ic.oid = i.indexrelid
          JOIN pg_am am ON am.oid = ic.relam AND am.amname = 'btree'
          CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
         WHERE i.indrelid = ? AND i.indisunique AND i.indisvalid AND i.indpred IS NULL
           AND i.indexprs IS NULL AND k.ord <= i.indnkeyatts
         GROUP BY ic.relname, i.indisprimary, i.indexrelid
         ORDER BY i.indisprimary DESC, count(*), ic.relname""";
    List<Candidate> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Candidate(rs.getString(1), rs.getBoolean(2), strings(rs.getArray(3)),
              strings(rs.getArray(4)), rs.getBoolean(5), rs.getBoolean(6)));
        }
      }
    }
    return out;
  }

  private static List<String> strings(Array a) throws SQLException {
    return Arrays.asList((String[]) a.getArray());
  }

  static String firstLine(SQLException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).replaceFirst("^ERROR: ", "");
  }
}
