package slipway.core.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads type names as written in DDL and says which type changes PostgreSQL can make without a rewrite. */
public final class Types {
  private Types() {}

  private static final Map<String, String> CANONICAL = Map.ofEntries(
      Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
      Map.entry("int8", "bigint"), Map.entry("bigint", "bigint"), Map.entry("int2", "smallint"),
      Map.entry("smallint", "smallint"), Map.entry("serial", "integer"), Map.entry("serial4", "integer"),
      Map.entry("bigserial", "bigint"), Map.entry("serial8", "bigint"), Map.entry("smallserial", "smallint"),
      Map.entry("serial2", "smallint"), Map.entry("varchar", "varchar"), Map.entry("character varying", "varchar"),
      Map.entry("char varying", "varchar"), Map.entry("char", "char"), Map.entry("character", "char"),
      Map.entry("bpchar", "char"), Map.entry("decimal", "numeric"), Map.entry("numeric", "numeric"),
      Map.entry("float8", "double precision"), Map.entry("double precision", "double precision"),
      Map.entry("float4", "real"), Map.entry("real", "real"), Map.entry("bool", "boolean"),
      Map.entry("boolean", "boolean"), Map.entry("timestamp", "timestamp"),
      Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamptz", "timestamptz"),
      Map.entry("timestamp with time zone", "timestamptz"), Map.entry("time", "time"),
      Map.entry("time without time zone", "time"), Map.entry("timetz", "timetz"),
      Map.entry("time with time zone", "timetz"), Map.entry("varbit", "varbit"), Map.entry("bit varying", "varbit"));

  static final Set<String> SERIALS = Set.of("serial", "serial4", "bigserial", "serial8", "smallserial", "serial2");

  /** A parsed type: canonical name, typmods, array, and whether it was written as serial. */
  public record Type(String name, List<Integer> typmods, boolean array, boolean serial, int next) {}

  /** Reads a whole type name as PostgreSQL's {@code format_type} prints it, e.g. {@code character varying(20)[]}. */
  public static Type parse(String text) {
    return read(Tokens.of(text), 0);
  }

  /** Reads a type name at token i (stops before COLLATE, constraints, commas and closing parens). */
  static Type read(Tokens t, int i) {
    StringBuilder name = new StringBuilder();
    int k = i;
    if (t.get(k).isName()) {
      Name.Parsed qn = Name.read(t, k);
      String first = qn.name().name();
      k = qn.next();
      name.append(qn.name().schema() != null && !qn.name().schema().equals("pg_catalog")
          ? qn.name().key() : first);
      if (t.get(i).type() == Tokens.Type.WORD && qn.name().schema() == null) {
        if (first.equals("double") && t.is(k, "precision")) {
          name.append(" precision");
          k++;
        } else if ((first.equals("character") || first.equals("char") || first.equals("bit")) && t.is(k, "varying")) {
          name.append(" varying");
          k++;
        } else if (first.equals("national") && t.is(k, "character")) {
          name.setLength(0);
          name.append("character");
          k++;
          if (t.is(k, "varying")) {
            name.append(" varying");
            k++;
          }
        } else if (first.equals("interval")) {
          while (t.is(k, "year") || t.is(k, "month") || t.is(k, "day") || t.is(k, "hour") || t.is(k, "minute")
              || t.is(k, "second") || t.is(k, "to")) {
            k++;
          }
        }
      }
    }
    List<Integer> typmods = new ArrayList<>();
    if (t.isOp(k, "(")) {
      int close = t.closing(k);
      for (int j = k + 1; j < close; j++) {
        if (t.get(j).type() == Tokens.Type.NUMBER) {
          try {
            typmods.add(Integer.parseInt(t.get(j).value()));
          } catch (NumberFormatException ignored) {
            // not a plain typmod
          }
        }
      }
      k = close + 1;
    }
    String base = name.toString();
    if ((base.equals("timestamp") || base.equals("time")) && t.is(k, "with", "time", "zone")) {
      base = base + " with time zone";
      k += 3;
    } else if ((base.equals("timestamp") || base.equals("time")) && t.is(k, "without", "time", "zone")) {
      k += 3;
    }
    boolean array = false;
    while (t.isOp(k, "[")) {
      array = true;
      k = t.closing(k) + 1;
    }
    if (t.is(k, "array")) {
      array = true;
      k++;
      if (t.isOp(k, "[")) {
        k = t.closing(k) + 1;
      }
    }
    boolean serial = SERIALS.contains(base);
    String canonical = CANONICAL.getOrDefault(base, base);
    return new Type(canonical, typmods, array, serial, k);
  }

  /**
   * Whether changing a column from one type to another needs no table rewrite (the change is
   * binary coercible with no length check that could fail, or only widens a typmod). PostgreSQL
   * docs, ALTER TABLE: "changing the type of an existing column ... when the old type is either
   * binary coercible to the new type or an unconstrained domain over the new type, a table rewrite
   * is not needed".
   */
  public static boolean changeWithoutRewrite(Catalog.Column from, Type to, Catalog catalog, int pgMajor) {
    if (from.array != to.array()) {
      return false;
    }
    if (from.array) {
      // Array element coercions with a length check run per element: only a same-type change is free.
      return from.type.equals(to.name()) && from.typmods.equals(to.typmods());
    }
    String a = from.type;
    String b = to.name();
    Catalog.Domain domain = catalog == null ? null : catalog.domains().get(b);
    if (domain != null) {
      b = domain.baseType;
    }
    Catalog.Domain fromDomain = catalog == null ? null : catalog.domains().get(a);
    if (fromDomain != null) {
      a = fromDomain.baseType;
    }
    List<Integer> fm = fromDomain != null ? List.of() : from.typmods;
    List<Integer> tm = to.typmods();
    if (a.equals(b)) {
      switch (a) {
        case "varchar":
        case "varbit":
          return tm.isEmpty() || (!fm.isEmpty() && tm.get(0) >= fm.get(0));
        case "numeric":
          if (tm.isEmpty()) {
            return true;
          }
          if (fm.isEmpty()) {
            return false;
          }
          int fs = fm.size() > 1 ? fm.get(1) : 0;
          int ts = tm.size() > 1 ? tm.get(1) : 0;
          return fs == ts && tm.get(0) >= fm.get(0);
        case "timestamp":
        case "timestamptz":
        case "time":
        case "timetz":
        case "interval":
          return tm.isEmpty() || (!fm.isEmpty() && tm.get(0) >= fm.get(0));
        case "char":
        case "bit":
          return fm.equals(tm) || (fm.isEmpty() && tm.equals(List.of(1))) || (tm.isEmpty() && fm.equals(List.of(1)));
        default:
          return fm.equals(tm);
      }
    }
    // Binary-coercible pairs (pg_cast castmethod 'b') with no length check.
    if (a.equals("varchar") && b.equals("text")) {
      return true;
    }
    if (a.equals("text") && b.equals("varchar")) {
      return tm.isEmpty();
    }
    if (a.equals("char") && (b.equals("text") || b.equals("varchar"))) {
      return false; // bpchar to text strips trailing spaces: a function, so a rewrite
    }
    if ((a.equals("cidr") && b.equals("inet"))) {
      return true;
    }
    if (a.equals("xml") && b.equals("text")) {
      return true;
    }
    // timestamp <-> timestamptz needs no rewrite since PostgreSQL 12 when the session time zone is UTC.
    if (((a.equals("timestamp") && b.equals("timestamptz")) || (a.equals("timestamptz") && b.equals("timestamp")))
        && pgMajor >= 12) {
      return tm.isEmpty() || (!fm.isEmpty() && tm.get(0) >= fm.get(0));
    }
    return false;
  }
}
