package slipway.engine.introspect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.Name;
import slipway.core.catalog.Types;

/**
 * Reads the schema of a live database from pg_catalog into a {@link Catalog}, so a lint of migrations
 * whose history does not start at an empty database knows the tables they alter. User schemas only
 * (not pg_catalog, information_schema, pg_toast or temporary schemas). Every relation read is created
 * in "migration 0": none of them counts as new in the migration being analysed. Read-only: catalog
 * queries, no table rows.
 */
public final class CatalogIntrospection {
  private CatalogIntrospection() {}

  private static final String USER_SCHEMA = "n.nspname not in ('pg_catalog', 'information_schema')"
      + " and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp\\_%'";

  /** The schema of the database behind {@code c}, as the replay of its DDL would build it. */
  public static Catalog read(Connection c) throws SQLException {
    Catalog catalog = new Catalog();
    Map<Long, Catalog.Relation> byOid = relations(c, catalog);
    columns(c, byOid);
    partitionKeys(c, byOid);
    inheritance(c, byOid);
    ownedSequences(c, byOid);
    viewReads(c, byOid);
    constraints(c, byOid);
    indexes(c, catalog, byOid);
    enums(c, catalog);
    domains(c, catalog);
    functions(c, catalog);
    return catalog;
  }

  private static Map<Long, Catalog.Relation> relations(Connection c, Catalog catalog) throws SQLException {
    Map<Long, Catalog.Relation> out = new HashMap<>();
    String sql = "select c.oid, n.nspname, c.relname, c.relkind, c.relpersistence,"
        + " pg_get_expr(c.relpartbound, c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
        + " where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and " + USER_SCHEMA + " order by c.oid";
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Catalog.Relation r = new Catalog.Relation();
        r.name = new Name(rs.getString(2), rs.getString(3));
        r.key = r.name.key();
        r.kind = switch (rs.getString(4)) {
          case "p" -> Catalog.Kind.PARTITIONED_TABLE;
          case "v" -> Catalog.Kind.VIEW;
          case "m" -> Catalog.Kind.MATERIALIZED_VIEW;
          case "S" -> Catalog.Kind.SEQUENCE;
          case "f" -> Catalog.Kind.FOREIGN_TABLE;
          default -> Catalog.Kind.TABLE;
        };
        r.unlogged = "u".equals(rs.getString(5));
        String bound = rs.getString(6);
        if (bound != null) {
          r.partitionBound = bound.equals("DEFAULT") ? "DEFAULT" : bound;
        }
        r.createdIn = 0;
        catalog.putRelation(r);
        out.put(rs.getLong(1), r);
      }
    }
    return out;
  }

  private static void columns(Connection c, Map<Long, Catalog.Relation> byOid) throws SQLException {
    String sql = "select a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
        + " a.attidentity, a.attgenerated, pg_get_expr(d.adbin, d.adrelid),"
        + " case when a.attcollation <> t.typcollation then co.collname end"
        + " from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace"
        + " join pg_type t on t.oid = a.atttypid"
        + " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
        + " left join pg_collation co on co.oid = a.attcollation"
        + " where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'v', 'm', 'f') and " + USER_SCHEMA
        + " order by a.attrelid, a.attnum";
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Catalog.Relation r = byOid.get(rs.getLong(1));
        if (r == null) {
          continue;
        }
        Catalog.Column col = new Catalog.Column();
        col.name = rs.getString(2);
        Types.Type type = Types.parse(rs.getString(3));
        col.type = type.name();
        col.typmods = new ArrayList<>(type.typmods());
        col.array = type.array();
        col.notNull = rs.getBoolean(4);
        String identity = rs.getString(5);
        col.identity = "a".equals(identity) ? "always" : "d".equals(identity) ? "by default" : null;
        String generated = rs.getString(6);
        String expr = rs.getString(7);
        if (generated != null && !generated.isEmpty()) {
          col.generated = stripParens(expr);
        } else {
          col.defaultExpr = expr;
        }
        col.collation = rs.getString(8);
        r.columns.put(col.name, col);
      }
    }
  }

  private static void partitionKeys(Connection c, Map<Long, Catalog.Relation> byOid) throws SQLException {
    String sql = "select p.partrelid, p.partstrat, a.attname from pg_partitioned_table p"
        + " cross join lateral unnest(p.partattrs::int2[]) with ordinality k(attnum, ord)"
        + " left join pg_attribute a on a.attrelid = p.partrelid and a.attnum = k.attnum"
        + " order by p.partrelid, k.ord";
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Catalog.Relation r = byOid.get(rs.getLong(1));
        if (r == null) {
          continue;
        }
        r.partitionStrategy = switch (rs.getString(2)) {
          case "r" -> "range";
          case "l" -> "list";
          default -> "hash";
        };
        r.partitionKey.add(rs.getString(3));
      }
    }
  }

  private static void inheritance(Connection c, Map<Long, Catalog.Relation> byOid) throws SQLException {
    String sql = "select i.inhrelid, i.inhparent, c.relispartition from pg_inherits i"
        + " join pg_class c on c.oid = i.inhrelid order by i.inhrelid, i.inhseqno";
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Catalog.Relation child = byOid.get(rs.getLong(1));
        Catalog.Relation parent = byOid.get(rs.getLong(2));
        if (child == null || parent == null) {
          continue; // index inheritance (partitioned indexes) or a parent outside the user schemas
        }
        if (rs.getBoolean(3)) {
          child.partitionOf = parent.key;
        } else {
          child.inherits.add(parent.key);
        }
      }
    }
  }

  private static void ownedSequences(Connection c, Map<Long, Catalog.Relation> byOid) throws SQLException {
    String sql = "select d.objid, d.refobjid from pg_depend d"
        + " where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass"
        + " and d.deptype in ('a', 'i') and d.refobjsubid > 0";
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Catalog.Relation seq = byOid.get(rs.getLong(1));
        Catalog.Relation table = byOid.get(rs.getLong(2));
        if (seq != null && table != null && seq.kind == Catalog.Kind.SEQUENCE) {
          seq.ownedBy = table.key;
        }
      }
    }
  }

  private static void viewReads(Connection c, Map<Long, Catalog.Relation> byOid) throws SQLException {
    String sql = "select distinct r.ev_class, d.refobjid, a.attname from pg_rewrite r"
        + " join pg_depend d on d.objid = r.oid and d.classid = 'pg_rewrite'::regclass"
        + " and d.refclassid = 'pg_class'::regclass"
        + " left join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid and d.refobjsubid > 0"
        + " where d.refobjid <> r.ev_class order by 1, 2, 3";
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Catalog.Relation view = byOid.get(rs.getLong(1));
        Catalog.Relation read = byOid.get(rs.getLong(2));
        if (view == null || read == null) {
          continue;
        }
        view.reads.add(read.key);
        if (rs.getString(3) != null) {
          view.readColumns.add(rs.getString(3));
        }
      }
    }
  }

  private static void constraints(Connection c, Map<Long, Catalog.Relation> byOid) throws SQLException {
    String sql = "select con.conrelid, con.conname, con.contype, con.convalidated, pg_get_expr(con.conbin, con.conrelid),"
        + " (select array_agg(a.attname order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)"
        + "   left join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum),"
        + " con.confrelid,"
        + " (select array_agg(a.attname order by k.ord) from unnest(con.confkey) with ordinality k(attnum, ord)"
        + "   left join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum),"
        + " ic.relname, icn.nspname"
        + " from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace"
        + " left join pg_class ic on ic.oid = con.conindid and con.contype in ('p', 'u', 'x')"
        + " left join pg_namespace icn on icn.oid = ic.relnamespace"
        + " where con.contype in ('c', 'f', 'u', 'p', 'x', 'n') and " + USER_SCHEMA
        + " order by con.conrelid, con.oid";
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Catalog.Relation r = byOid.get(rs.getLong(1));
        if (r == null) {
          continue;
        }
        Catalog.Constraint con = new Catalog.Constraint();
        con.name = rs.getString(2);
        con.type = switch (rs.getString(3)) {
          case "c" -> Catalog.ConstraintType.CHECK;
          case "f" -> Catalog.ConstraintType.FOREIGN_KEY;
          case "u" -> Catalog.ConstraintType.UNIQUE;
          case "p" -> Catalog.ConstraintType.PRIMARY_KEY;
          case "x" -> Catalog.ConstraintType.EXCLUDE;
          default -> Catalog.ConstraintType.NOT_NULL;
        };
        con.validated = rs.getBoolean(4);
        con.columns.addAll(strings(rs.getArray(6)));
        if (con.type == Catalog.ConstraintType.CHECK) {
          con.expression = stripParens(rs.getString(5));
          con.notNullColumn = notNullColumn(con.expression);
        } else if (con.type == Catalog.ConstraintType.NOT_NULL && !con.columns.isEmpty()) {
          con.notNullColumn = con.columns.get(0);
        } else if (con.type == Catalog.ConstraintType.FOREIGN_KEY) {
          Catalog.Relation ref = byOid.get(rs.getLong(7));
          con.refTable = ref != null ? ref.key : null;
          con.refColumns.addAll(strings(rs.getArray(8)));
        }
        if (rs.getString(9) != null) {
          con.index = new Name(rs.getString(10), rs.getString(9)).key();
        }
        r.constraints.add(con);
      }
    }
  }

  private static void indexes(Connection c, Catalog catalog, Map<Long, Catalog.Relation> byOid) throws SQLException {
    String sql = "select i.indrelid, n.nspname, ic.relname, i.indisunique, i.indisprimary, i.indisvalid, am.amname,"
        + " pg_get_expr(i.indpred, i.indrelid),"
        + " (select array_agg(a.attname order by k.ord) from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)"
        + "   left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum where k.ord <= i.indnkeyatts),"
        + " con.conname"
        + " from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = ic.relnamespace"
        + " join pg_am am on am.oid = ic.relam"
        + " left join pg_constraint con on con.conindid = i.indexrelid and con.conrelid = i.indrelid"
        + "   and con.contype in ('p', 'u', 'x')"
        + " where " + USER_SCHEMA + " order by i.indexrelid";
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Catalog.Relation table = byOid.get(rs.getLong(1));
        if (table == null) {
          continue;
        }
        Catalog.Index idx = new Catalog.Index();
        idx.name = new Name(rs.getString(2), rs.getString(3));
        idx.key = idx.name.key();
        idx.table = table.key;
        idx.unique = rs.getBoolean(4);
        idx.primary = rs.getBoolean(5);
        idx.valid = rs.getBoolean(6);
        idx.method = rs.getString(7);
        String predicate = rs.getString(8);
        idx.predicate = predicate == null ? null : stripParens(predicate);
        idx.columns.addAll(strings(rs.getArray(9)));
        idx.constraint = rs.getString(10);
        catalog.putIndex(idx);
      }
    }
  }

  private static void enums(Connection c, Catalog catalog) throws SQLException {
    String sql = "select n.nspname, t.typname, e.enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid"
        + " join pg_namespace n on n.oid = t.typnamespace where " + USER_SCHEMA
        + " order by t.oid, e.enumsortorder";
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        catalog.enums().computeIfAbsent(new Name(rs.getString(1), rs.getString(2)).key(), k -> new ArrayList<>())
            .add(rs.getString(3));
      }
    }
  }

  private static void domains(Connection c, Catalog catalog) throws SQLException {
    String sql = "select n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod), t.typnotnull,"
        + " exists (select 1 from pg_constraint k where k.contypid = t.oid and k.contype = 'c')"
        + " from pg_type t join pg_namespace n on n.oid = t.typnamespace where t.typtype = 'd' and " + USER_SCHEMA
        + " order by t.oid";
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Catalog.Domain d = new Catalog.Domain();
        d.name = new Name(rs.getString(1), rs.getString(2)).key();
        d.baseType = Types.parse(rs.getString(3)).name();
        d.notNull = rs.getBoolean(4);
        d.hasChecks = rs.getBoolean(5);
        catalog.domains().put(d.name, d);
      }
    }
  }

  private static void functions(Connection c, Catalog catalog) throws SQLException {
    String sql = "select p.proname, p.provolatile from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
        + " where " + USER_SCHEMA + " order by p.oid";
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        catalog.putFunction(rs.getString(1), rs.getString(2).charAt(0));
      }
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
  }

  /** {@code ((a > 0))} to {@code a > 0}: PostgreSQL's deparsed expressions wrap what the DDL wrote. */
  static String stripParens(String expr) {
    if (expr == null) {
      return null;
    }
    String s = expr.trim();
    while (s.startsWith("(") && s.endsWith(")") && closes(s)) {
      s = s.substring(1, s.length() - 1).trim();
    }
    return s;
  }

  /** Whether the opening parenthesis at 0 closes at the last character (quotes ignored: deparsed text). */
  private static boolean closes(String s) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
        if (depth == 0 && i < s.length() - 1) {
          return false;
        }
      }
    }
    return depth == 0;
  }

  /** The column when a CHECK expression is exactly {@code col IS NOT NULL}. */
  private static String notNullColumn(String expression) {
    if (expression == null) {
      return null;
    }
    String s = expression.trim();
    String suffix = " IS NOT NULL";
    if (!s.endsWith(suffix)) {
      return null;
    }
    String col = s.substring(0, s.length() - suffix.length()).trim();
    if (col.matches("[a-z_][a-z0-9_$]*")) {
      return col;
    }
    if (col.matches("\"([^\"]|\"\")+\"")) {
      return col.substring(1, col.length() - 1).replace("\"\"", "\"");
    }
    return null;
  }
}
