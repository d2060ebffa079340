package slipway.core.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads column and constraint definitions (CREATE TABLE elements, ALTER TABLE ADD …). */
public final class Definitions {
  private Definitions() {}

  private static final Set<String> COLUMN_CONSTRAINT_START = Set.of("constraint", "not", "null", "default", "primary",
      "unique", "references", "check", "collate", "generated", "deferrable", "initially", "compression", "storage");

  /** A column definition with the constraints written inline. */
  public record ColumnDef(Catalog.Column column, List<ConstraintDef> constraints, boolean serial, int next) {}

  /** A constraint definition; {@code refTable} for foreign keys, {@code usingIndex} for … USING INDEX. */
  public record ConstraintDef(Catalog.Constraint constraint, Name refTable, String usingIndex, boolean notValid,
      boolean explicitName) {}

  /** Reads "name type [COLLATE c] [constraints…]" between from and to (exclusive). */
  static ColumnDef column(Tokens t, int from, int to) {
    Catalog.Column c = new Catalog.Column();
    c.name = t.get(from).value();
    Types.Type type = Types.read(t, from + 1);
    c.type = type.name();
    c.typmods = new ArrayList<>(type.typmods());
    c.array = type.array();
    List<ConstraintDef> constraints = new ArrayList<>();
    int k = type.next();
    // Skip anything the type reader left (e.g. odd modifiers) until a constraint keyword.
    while (k < to && !(t.get(k).type() == Tokens.Type.WORD && COLUMN_CONSTRAINT_START.contains(t.get(k).value()))) {
      k++;
    }
    String pendingName = null;
    while (k < to) {
      Tokens.Token tok = t.get(k);
      if (tok.is("constraint")) {
        pendingName = t.get(k + 1).value();
        k += 2;
        continue;
      }
      if (tok.is("collate")) {
        c.collation = t.get(k + 1).value();
        k += 2;
      } else if (tok.is("not") && t.is(k + 1, "null")) {
        c.notNull = true;
        k += 2;
        if (t.is(k, "no", "inherit")) {
          k += 2;
        }
      } else if (tok.is("null")) {
        k++;
      } else if (tok.is("default")) {
        int e = k + 1;
        while (e < to && !isColumnConstraintStart(t, e)) {
          e = t.isOp(e, "(") ? t.closing(e) + 1 : e + 1;
        }
        c.defaultExpr = t.text(k + 1, e - 1);
        k = e;
      } else if (tok.is("generated")) {
        int e = k + 1;
        if (t.is(e, "always") || t.is(e, "by")) {
          boolean always = t.is(e, "always");
          e += always ? 1 : 2;
          if (t.is(e, "as", "identity")) {
            c.identity = always ? "always" : "by default";
            c.notNull = true;
            e += 2;
            if (t.isOp(e, "(")) {
              e = t.closing(e) + 1;
            }
          } else if (t.is(e, "as") && t.isOp(e + 1, "(")) {
            int close = t.closing(e + 1);
            c.generated = t.text(e + 2, close - 1);
            e = close + 1;
            if (t.is(e, "stored")) {
              e++;
            } else if (t.is(e, "virtual")) {
              c.generated = c.generated; // PostgreSQL 18 virtual generated column
              e++;
            }
          }
        }
        k = e;
      } else if (tok.is("primary") || tok.is("unique") || tok.is("references") || tok.is("check")) {
        int e = k + 1;
        if (t.isOp(e, "(")) {
          e = t.closing(e) + 1;
        }
        while (e < to && !isColumnConstraintStart(t, e)) {
          e = t.isOp(e, "(") ? t.closing(e) + 1 : e + 1;
        }
        ConstraintDef def = constraint(t, k, e, pendingName, List.of(c.name));
        if (def != null) {
          constraints.add(def);
          if (def.constraint().type == Catalog.ConstraintType.PRIMARY_KEY) {
            c.notNull = true;
          }
        }
        pendingName = null;
        k = e;
      } else if (tok.isOp("(")) {
        k = t.closing(k) + 1;
      } else {
        k++;
      }
    }
    return new ColumnDef(c, constraints, type.serial(), to);
  }

  private static boolean isColumnConstraintStart(Tokens t, int k) {
    Tokens.Token tok = t.get(k);
    if (tok.type() != Tokens.Type.WORD || !COLUMN_CONSTRAINT_START.contains(tok.value())) {
      return false;
    }
    // "not" only starts a constraint as NOT NULL / NOT DEFERRABLE
    if (tok.is("not")) {
      return t.is(k + 1, "null") || t.is(k + 1, "deferrable");
    }
    return !tok.is("null") || !t.is(k - 1, "is");
  }

  /**
   * Reads a constraint at [from, to): optional CONSTRAINT name, then CHECK / UNIQUE / PRIMARY KEY /
   * FOREIGN KEY / REFERENCES / EXCLUDE / NOT NULL. {@code columns} are the column's own name for a
   * column constraint (null for a table constraint).
   */
  static ConstraintDef constraint(Tokens t, int from, int to, String name, List<String> columns) {
    int k = from;
    boolean explicit = name != null;
    if (t.is(k, "constraint")) {
      name = t.get(k + 1).value();
      explicit = true;
      k += 2;
    }
    Catalog.Constraint c = new Catalog.Constraint();
    c.name = name;
    Name ref = null;
    String usingIndex = null;
    boolean notValid = false;
    for (int j = k; j < to; j++) {
      if (t.is(j, "not", "valid")) {
        notValid = true;
      }
    }
    if (t.is(k, "check")) {
      c.type = Catalog.ConstraintType.CHECK;
      int close = t.closing(k + 1);
      c.expression = t.text(k + 2, close - 1);
      c.notNullColumn = isNotNullCheck(t, k + 2, close);
      if (columns != null) {
        c.columns.addAll(columns);
      }
    } else if (t.is(k, "not", "null")) {
      c.type = Catalog.ConstraintType.NOT_NULL;
      String col = columns != null ? columns.get(0) : t.get(k + 2).value();
      c.columns.add(col);
      c.notNullColumn = col;
    } else if (t.is(k, "unique") || t.is(k, "primary", "key")) {
      c.type = t.is(k, "unique") ? Catalog.ConstraintType.UNIQUE : Catalog.ConstraintType.PRIMARY_KEY;
      int j = k + (c.type == Catalog.ConstraintType.UNIQUE ? 1 : 2);
      if (t.is(j, "nulls")) {
        j += t.is(j + 1, "not") ? 3 : 2;
      }
      if (t.is(j, "using", "index") && !t.is(j + 2, "tablespace")) {
        usingIndex = t.get(j + 2).value();
      } else if (t.isOp(j, "(")) {
        c.columns.addAll(names(t, j));
      } else if (columns != null) {
        c.columns.addAll(columns);
      }
    } else if (t.is(k, "exclude")) {
      c.type = Catalog.ConstraintType.EXCLUDE;
      int j = k + 1;
      if (t.is(j, "using")) {
        j += 2;
      }
      if (t.isOp(j, "(")) {
        for (int[] part : t.commaSeparated(j + 1, t.closing(j))) {
          if (t.get(part[0]).isName()) {
            c.columns.add(t.get(part[0]).value());
          }
        }
      }
    } else if (t.is(k, "foreign", "key") || t.is(k, "references")) {
      c.type = Catalog.ConstraintType.FOREIGN_KEY;
      int j = k;
      if (t.is(j, "foreign")) {
        c.columns.addAll(names(t, j + 2));
        j = t.closing(j + 2) + 1;
      } else if (columns != null) {
        c.columns.addAll(columns);
      }
      if (t.is(j, "references")) {
        Name.Parsed p = Name.read(t, j + 1);
        if (p != null) {
          ref = p.name();
          c.refTable = ref.key();
          if (t.isOp(p.next(), "(")) {
            c.refColumns.addAll(names(t, p.next()));
          }
        }
      }
    } else {
      return null;
    }
    c.validated = !notValid;
    return new ConstraintDef(c, ref, usingIndex, notValid, explicit);
  }

  /** The column when the CHECK expression in [from, to) is exactly {@code col IS NOT NULL}. */
  static String isNotNullCheck(Tokens t, int from, int to) {
    int a = from;
    int b = to;
    while (t.isOp(a, "(") && t.closing(a) == b - 1) {
      a++;
      b--;
    }
    if (b - a == 4 && t.get(a).isName() && t.is(a + 1, "is", "not", "null")) {
      return t.get(a).value();
    }
    return null;
  }

  /** The names in a parenthesised list at i: {@code (a, b)}. */
  static List<String> names(Tokens t, int open) {
    List<String> out = new ArrayList<>();
    if (!t.isOp(open, "(")) {
      return out;
    }
    for (int[] part : t.commaSeparated(open + 1, t.closing(open))) {
      out.add(part[1] - part[0] == 1 && t.get(part[0]).isName() ? t.get(part[0]).value() : null);
    }
    return out;
  }

  /** PostgreSQL's default constraint name: table_col_suffix (truncated like ChooseConstraintName, roughly). */
  static String defaultName(String table, List<String> columns, Catalog.ConstraintType type) {
    String suffix = switch (type) {
      case CHECK -> "check";
      case FOREIGN_KEY -> "fkey";
      case UNIQUE -> "key";
      case PRIMARY_KEY -> "pkey";
      case EXCLUDE -> "excl";
      case NOT_NULL -> "not_null";
    };
    if (type == Catalog.ConstraintType.PRIMARY_KEY) {
      return table + "_pkey";
    }
    StringBuilder b = new StringBuilder(table);
    for (String c : columns) {
      if (c != null) {
        b.append('_').append(c);
      }
      if (type == Catalog.ConstraintType.CHECK || type == Catalog.ConstraintType.NOT_NULL) {
        break; // check and not-null names use the first column only
      }
    }
    return b + "_" + suffix;
  }
}
