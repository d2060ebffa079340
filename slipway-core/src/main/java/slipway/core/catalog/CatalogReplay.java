package slipway.core.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies statements to a {@link Catalog}, in order, as PostgreSQL would: CREATE/ALTER/DROP of
 * tables, indexes, views, sequences, types, domains and functions. Statements it does not model
 * leave the catalog as it was; it never throws on odd SQL.
 */
public final class CatalogReplay {
  private CatalogReplay() {}

  /** Applies every statement of a script, in order. */
  public static void applyScript(Catalog catalog, String script) {
    for (slipway.core.sql.SqlStatement s : slipway.core.sql.Splitter.split("<script>", script)) {
      if (!s.psqlMetaCommand()) {
        apply(catalog, s.text());
      }
    }
  }

  /** Applies one statement (text without the terminating semicolon). */
  public static void apply(Catalog catalog, String sql) {
    applyTokens(catalog, Tokens.of(sql));
  }

  /** Applies one statement already tokenised (the lock model classified the same tokens). */
  public static void applyTokens(Catalog catalog, Tokens t) {
    try {
      apply(catalog, t);
    } catch (RuntimeException | StackOverflowError e) {
      // The replay is best effort: an unexpected shape must never stop the analysis.
    }
  }

  /** {@link #applyTokens} without its safety net (the property tests call it to see what escapes). */
  static void apply(Catalog c, Tokens t) {
    if (t.size() == 0) {
      return;
    }
    // Only these statements change the catalog; the catalog's lookups scan while one is applied.
    if (!(t.is(0, "create") || t.is(0, "alter") || t.is(0, "drop") || t.is(0, "do"))) {
      return;
    }
    c.beginChange();
    try {
      dispatch(c, t);
    } finally {
      c.endChange();
    }
  }

  private static void dispatch(Catalog c, Tokens t) {
    if (t.is(0, "create")) {
      create(c, t);
    } else if (t.is(0, "alter", "table") || t.is(0, "alter", "foreign", "table")) {
      alterTable(c, t, t.is(0, "alter", "table") ? 2 : 3);
    } else if (t.is(0, "alter", "index")) {
      alterIndex(c, t);
    } else if (t.is(0, "alter", "view") || t.is(0, "alter", "materialized", "view") || t.is(0, "alter", "sequence")) {
      alterOther(c, t, t.is(0, "alter", "materialized") ? 3 : 2);
    } else if (t.is(0, "alter", "type")) {
      alterType(c, t);
    } else if (t.is(0, "alter", "domain")) {
      alterDomain(c, t);
    } else if (t.is(0, "drop")) {
      drop(c, t);
    } else if (t.is(0, "do")) {
      for (String inner : DoBlocks.statements(t)) {
        apply(c, inner);
      }
    }
  }

  // ------------------------------------------------------------------ CREATE

  private static void create(Catalog c, Tokens t) {
    int k = 1;
    boolean unique = false;
    boolean unlogged = false;
    boolean temp = false;
    while (true) {
      if (t.is(k, "or", "replace")) {
        k += 2;
      } else if (t.is(k, "temp") || t.is(k, "temporary")) {
        temp = true;
        k++;
      } else if (t.is(k, "global") || t.is(k, "local") || t.is(k, "recursive") || t.is(k, "trusted")
          || t.is(k, "procedural")) {
        k++;
      } else if (t.is(k, "unlogged")) {
        unlogged = true;
        k++;
      } else if (t.is(k, "unique")) {
        unique = true;
        k++;
      } else {
        break;
      }
    }
    if (t.is(k, "table")) {
      createTable(c, t, k + 1, Catalog.Kind.TABLE, unlogged, temp);
    } else if (t.is(k, "foreign", "table")) {
      createTable(c, t, k + 2, Catalog.Kind.FOREIGN_TABLE, false, temp);
    } else if (t.is(k, "index")) {
      createIndex(c, t, k + 1, unique);
    } else if (t.is(k, "view") || t.is(k, "materialized", "view")) {
      boolean mat = t.is(k, "materialized");
      createView(c, t, k + (mat ? 2 : 1), mat ? Catalog.Kind.MATERIALIZED_VIEW : Catalog.Kind.VIEW);
    } else if (t.is(k, "sequence")) {
      k++;
      if (t.is(k, "if", "not", "exists")) {
        k += 3;
      }
      Name.Parsed p = Name.read(t, k);
      if (p != null && c.relation(p.name()) == null) {
        Catalog.Relation r = newRelation(c, p.name(), Catalog.Kind.SEQUENCE);
        int owned = t.find(p.next(), "owned");
        if (owned >= 0 && t.is(owned + 1, "by") && !t.is(owned + 2, "none")) {
          Name.Parsed col = Name.read(t, owned + 2);
          if (col != null && col.name().schema() != null) {
            r.ownedBy = Name.of(col.name().schema()).key();
          }
        }
      }
    } else if (t.is(k, "type")) {
      Name.Parsed p = Name.read(t, k + 1);
      if (p != null && t.is(p.next(), "as", "enum") && t.isOp(p.next() + 2, "(")) {
        List<String> values = new ArrayList<>();
        int open = p.next() + 2;
        for (int j = open + 1; j < t.closing(open); j++) {
          if (t.get(j).type() == Tokens.Type.STRING) {
            values.add(t.get(j).value());
          }
        }
        c.enums.put(p.name().key(), values);
      }
    } else if (t.is(k, "domain")) {
      Name.Parsed p = Name.read(t, k + 1);
      if (p != null) {
        int j = p.next();
        if (t.is(j, "as")) {
          j++;
        }
        Types.Type type = Types.read(t, j);
        Catalog.Domain d = new Catalog.Domain();
        d.name = p.name().key();
        d.baseType = type.name();
        for (int x = type.next(); x < t.size(); x++) {
          if (t.is(x, "check")) {
            d.hasChecks = true;
          }
          if (t.is(x, "not", "null")) {
            d.notNull = true;
          }
        }
        c.domains.put(d.name, d);
      }
    } else if (t.is(k, "function") || t.is(k, "procedure")) {
      Name.Parsed p = Name.read(t, k + 1);
      if (p != null) {
        char vol = 'v';
        for (int x = p.next(); x < t.size(); x++) {
          if (t.is(x, "immutable")) {
            vol = 'i';
          } else if (t.is(x, "stable")) {
            vol = 's';
          }
        }
        c.functions.put(p.name().name(), vol);
      }
    }
  }

  private static Catalog.Relation newRelation(Catalog c, Name name, Catalog.Kind kind) {
    Catalog.Relation r = new Catalog.Relation();
    r.key = name.key();
    r.name = name;
    r.kind = kind;
    r.createdIn = c.migration;
    c.relations.put(r.key, r);
    return r;
  }

  private static void createTable(Catalog c, Tokens t, int k, Catalog.Kind kind, boolean unlogged, boolean temp) {
    boolean ifNotExists = false;
    if (t.is(k, "if", "not", "exists")) {
      ifNotExists = true;
      k += 3;
    }
    Name.Parsed p = Name.read(t, k);
    if (p == null) {
      return;
    }
    if (ifNotExists && c.relation(p.name()) != null) {
      return;
    }
    dropRelation(c, p.name().key());
    Catalog.Relation r = newRelation(c, p.name(), kind);
    r.unlogged = unlogged;
    int j = p.next();
    if (t.is(j, "partition", "of")) {
      Name.Parsed parent = Name.read(t, j + 2);
      if (parent != null) {
        r.partitionOf = parent.name().key();
        Catalog.Relation pr = c.relation(parent.name());
        if (pr != null) {
          for (Catalog.Column col : pr.columns.values()) {
            r.columns.put(col.name, col.copy());
          }
          // Partitioned indexes cascade to every new partition.
          for (Catalog.Index pi : c.indexesOf(pr.key)) {
            Catalog.Index ci = new Catalog.Index();
            ci.name = p.name().sibling(p.name().name() + "_" + String.join("_", nonNull(pi.columns)) + (pi.primary
                ? "_pkey" : pi.unique ? "_key" : "_idx"));
            ci.key = ci.name.key();
            ci.table = r.key;
            ci.unique = pi.unique;
            ci.primary = pi.primary;
            ci.columns.addAll(pi.columns);
            c.indexes.put(ci.key, ci);
          }
        }
        j = parent.next();
        int fv = t.find(j, "for");
        int def = t.find(j, "default");
        r.partitionBound = fv >= 0 ? t.text(fv, t.size() - 1) : def >= 0 ? "DEFAULT" : null;
      }
    } else if (t.is(j, "of")) {
      j += 2;
    }
    if (t.isOp(j, "(")) {
      int close = t.closing(j);
      for (int[] part : t.commaSeparated(j + 1, close)) {
        element(c, r, t, part[0], part[1]);
      }
      j = close + 1;
    } else if (t.is(j, "as") || t.find(j, "as") >= 0) {
      int as = t.is(j, "as") ? j : t.find(j, "as");
      r.reads.addAll(readRelations(c, t, as + 1));
    }
    int inh = t.find(j, "inherits");
    if (inh >= 0 && t.isOp(inh + 1, "(")) {
      for (int[] part : t.commaSeparated(inh + 2, t.closing(inh + 1))) {
        Name.Parsed parent = Name.read(t, part[0]);
        if (parent != null) {
          r.inherits.add(parent.name().key());
          Catalog.Relation pr = c.relation(parent.name());
          if (pr != null) {
            for (Catalog.Column col : pr.columns.values()) {
              r.columns.putIfAbsent(col.name, col.copy());
            }
          }
        }
      }
    }
    int pby = t.find(j, "partition");
    if (pby >= 0 && t.is(pby + 1, "by")) {
      r.kind = Catalog.Kind.PARTITIONED_TABLE;
      r.partitionStrategy = t.get(pby + 2).value();
      if (t.isOp(pby + 3, "(")) {
        r.partitionKey.addAll(Definitions.names(t, pby + 3));
      }
    }
  }

  private static List<String> nonNull(List<String> xs) {
    List<String> out = new ArrayList<>();
    for (String x : xs) {
      out.add(x == null ? "expr" : x);
    }
    return out;
  }

  private static void element(Catalog c, Catalog.Relation r, Tokens t, int a, int e) {
    Tokens.Token first = t.get(a);
    if (first.is("like")) {
      Name.Parsed src = Name.read(t, a + 1);
      Catalog.Relation s = src == null ? null : c.relation(src.name());
      if (s != null) {
        for (Catalog.Column col : s.columns.values()) {
          r.columns.put(col.name, col.copy());
        }
      }
      return;
    }
    boolean constraint = first.type() == Tokens.Type.WORD && (first.is("constraint") || first.is("check")
        || first.is("unique") || (first.is("primary") && t.is(a + 1, "key"))
        || (first.is("foreign") && t.is(a + 1, "key")) || first.is("exclude"));
    if (constraint) {
      Definitions.ConstraintDef def = Definitions.constraint(t, a, e, null, null);
      if (def != null) {
        addConstraint(c, r, def);
      }
      return;
    }
    Definitions.ColumnDef def = Definitions.column(t, a, e);
    addColumn(c, r, def);
  }

  static void addColumn(Catalog c, Catalog.Relation r, Definitions.ColumnDef def) {
    Catalog.Column col = def.column();
    r.columns.put(col.name, col);
    if (def.serial() || col.identity != null) {
      Name seq = r.name.sibling(r.name.name() + "_" + col.name + "_seq");
      if (c.relation(seq) == null) {
        Catalog.Relation s = newRelation(c, seq, Catalog.Kind.SEQUENCE);
        s.ownedBy = r.key;
      }
      if (def.serial()) {
        col.notNull = true;
        col.defaultExpr = "nextval('" + seq.display() + "'::regclass)";
      }
    }
    for (Definitions.ConstraintDef cd : def.constraints()) {
      addConstraint(c, r, cd);
    }
    for (Catalog.Relation child : c.children(r.key)) {
      child.columns.putIfAbsent(col.name, col.copy());
    }
  }

  static void addConstraint(Catalog c, Catalog.Relation r, Definitions.ConstraintDef def) {
    Catalog.Constraint con = def.constraint();
    if (con.name == null) {
      con.name = Definitions.defaultName(r.name.name(), con.columns, con.type);
    }
    if (con.type == Catalog.ConstraintType.PRIMARY_KEY || con.type == Catalog.ConstraintType.UNIQUE
        || con.type == Catalog.ConstraintType.EXCLUDE) {
      if (def.usingIndex() != null) {
        Catalog.Index idx = c.indexes.remove(r.name.sibling(def.usingIndex()).key());
        if (idx != null) {
          con.columns.addAll(idx.columns);
          idx.name = r.name.sibling(con.name);
          idx.key = idx.name.key();
          idx.constraint = con.name;
          idx.primary = con.type == Catalog.ConstraintType.PRIMARY_KEY;
          c.indexes.put(idx.key, idx);
          con.index = idx.key;
        }
      } else {
        Catalog.Index idx = new Catalog.Index();
        idx.name = r.name.sibling(con.name);
        idx.key = idx.name.key();
        idx.table = r.key;
        idx.unique = con.type != Catalog.ConstraintType.EXCLUDE;
        idx.primary = con.type == Catalog.ConstraintType.PRIMARY_KEY;
        idx.columns.addAll(con.columns);
        idx.constraint = con.name;
        c.indexes.put(idx.key, idx);
        con.index = idx.key;
      }
      if (con.type == Catalog.ConstraintType.PRIMARY_KEY) {
        for (String col : con.columns) {
          Catalog.Column column = col == null ? null : r.columns.get(col);
          if (column != null) {
            column.notNull = true;
          }
        }
      }
    }
    if (con.type == Catalog.ConstraintType.NOT_NULL && con.validated && con.notNullColumn != null) {
      Catalog.Column column = r.columns.get(con.notNullColumn);
      if (column != null) {
        column.notNull = true;
      }
    }
    r.constraints.add(con);
    c.refile(r);
  }

  private static void createIndex(Catalog c, Tokens t, int k, boolean unique) {
    if (t.is(k, "concurrently")) {
      k++;
    }
    boolean ifNotExists = false;
    if (t.is(k, "if", "not", "exists")) {
      ifNotExists = true;
      k += 3;
    }
    Name indexName = null;
    if (!t.is(k, "on")) {
      Name.Parsed p = Name.read(t, k);
      if (p == null) {
        return;
      }
      indexName = p.name();
      k = p.next();
    }
    if (!t.is(k, "on")) {
      return;
    }
    k++;
    boolean only = false;
    if (t.is(k, "only")) {
      only = true;
      k++;
    }
    Name.Parsed table = Name.read(t, k);
    if (table == null) {
      return;
    }
    k = table.next();
    Catalog.Index idx = new Catalog.Index();
    idx.table = table.name().key();
    idx.unique = unique;
    if (t.is(k, "using")) {
      idx.method = t.get(k + 1).value();
      k += 2;
    }
    if (t.isOp(k, "(")) {
      int close = t.closing(k);
      for (int[] part : t.commaSeparated(k + 1, close)) {
        idx.columns.add(t.get(part[0]).isName() && !t.isOp(part[0] + 1, "(") ? t.get(part[0]).value() : null);
      }
      k = close + 1;
    }
    int where = t.find(k, "where");
    if (where >= 0) {
      idx.predicate = t.text(where + 1, t.size() - 1);
    }
    if (indexName == null) {
      indexName = table.name().sibling(table.name().name() + "_" + String.join("_", nonNull(idx.columns))
          + (unique ? "_key" : "_idx"));
    } else if (indexName.schema() == null) {
      indexName = table.name().sibling(indexName.name());
    }
    if (ifNotExists && c.indexes.containsKey(indexName.key())) {
      return;
    }
    idx.name = indexName;
    idx.key = indexName.key();
    c.indexes.put(idx.key, idx);
    // On a partitioned table (without ONLY) every partition gets its own index: <partition>_<cols>_idx.
    Catalog.Relation r = c.relation(idx.table);
    if (r != null && r.kind == Catalog.Kind.PARTITIONED_TABLE && !only) {
      for (Catalog.Relation part : c.descendants(r.key)) {
        Catalog.Index ci = new Catalog.Index();
        ci.name = part.name.sibling(part.name.name() + "_" + String.join("_", nonNull(idx.columns))
            + (unique ? "_key" : "_idx"));
        ci.key = ci.name.key();
        ci.table = part.key;
        ci.unique = unique;
        ci.columns.addAll(idx.columns);
        c.indexes.putIfAbsent(ci.key, ci);
      }
    }
  }

  private static void createView(Catalog c, Tokens t, int k, Catalog.Kind kind) {
    if (t.is(k, "if", "not", "exists")) {
      k += 3;
    }
    Name.Parsed p = Name.read(t, k);
    if (p == null) {
      return;
    }
    Catalog.Relation existing = c.relation(p.name());
    int created = existing != null && existing.kind == kind ? existing.createdIn : c.migration;
    if (existing != null) {
      c.relations.remove(existing.key);
    }
    Catalog.Relation r = newRelation(c, p.name(), kind);
    r.createdIn = created;
    int as = t.find(p.next(), "as");
    if (as >= 0) {
      r.reads.addAll(readRelations(c, t, as + 1));
      r.reads.remove(r.key);
      for (int j = as + 1; j < t.size(); j++) {
        if (t.get(j).isName()) {
          r.readColumns.add(t.get(j).value());
        }
      }
      // Output columns: the select list's last names (good enough for dependency checks).
      int from = t.find(as + 1, "from");
      int sel = t.find(as + 1, "select");
      if (sel >= 0) {
        for (int[] part : t.commaSeparated(sel + 1, from < 0 ? t.size() : from)) {
          Tokens.Token last = t.get(part[1] - 1);
          if (last.isName()) {
            Catalog.Column col = new Catalog.Column();
            col.name = last.value();
            col.type = "unknown";
            r.columns.put(col.name, col);
          }
        }
      }
    }
  }

  /** Existing relations named anywhere in a query (FROM, JOIN, subqueries). */
  static List<String> readRelations(Catalog c, Tokens t, int from) {
    List<String> out = new ArrayList<>();
    for (int j = from; j < t.size(); j++) {
      if (t.get(j).isName() && !t.isOp(j - 1, ".") && !t.isOp(j + 1, "(")) {
        Name.Parsed p = Name.read(t, j);
        String key = p.name().key();
        if (c.relations.containsKey(key) && !out.contains(key)) {
          out.add(key);
        } else if (p.name().schema() != null && c.relations.containsKey(p.name().schema())) {
          // alias.column: not a relation
        }
        j = p.next() - 1;
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ ALTER

  private static void alterTable(Catalog c, Tokens t, int k) {
    if (t.is(k, "if", "exists")) {
      k += 2;
    }
    if (t.is(k, "only")) {
      k++;
    }
    if (t.is(k, "all", "in")) {
      return;
    }
    Name.Parsed p = Name.read(t, k);
    if (p == null) {
      return;
    }
    Catalog.Relation r = c.relation(p.name());
    int start = p.next();
    if (t.isOp(start, "*")) {
      start++;
    }
    if (r == null) {
      return;
    }
    for (AlterAction a : AlterAction.parse(t, start, t.size())) {
      applyAction(c, r, a);
    }
  }

  private static void applyAction(Catalog c, Catalog.Relation r, AlterAction a) {
    Catalog.Column col = a.column() == null ? null : r.columns.get(a.column());
    switch (a.kind()) {
      case ADD_COLUMN -> {
        if (!(a.flag() && r.columns.containsKey(a.column()))) {
          addColumn(c, r, new Definitions.ColumnDef(a.columnDef(), a.constraints(), a.type().serial(), 0));
        }
      }
      case DROP_COLUMN -> {
        r.columns.remove(a.column());
        for (Catalog.Index i : c.indexesOf(r.key)) {
          if (i.columns.contains(a.column())) {
            c.indexes.remove(i.key);
          }
        }
        if (r.constraints.removeIf(x -> x.columns.contains(a.column()))) {
          c.refile(r);
        }
        for (Catalog.Relation child : c.children(r.key)) {
          child.columns.remove(a.column());
        }
      }
      case ALTER_COLUMN_TYPE -> {
        for (Catalog.Relation target : withDescendants(c, r)) {
          Catalog.Column tc = target.columns.get(a.column());
          if (tc != null) {
            tc.type = a.type().name();
            tc.typmods = new ArrayList<>(a.type().typmods());
            tc.array = a.type().array();
            int collate = a.text().toLowerCase(Locale.ROOT).indexOf(" collate ");
            if (collate >= 0) {
              Tokens ct = Tokens.of(a.text().substring(collate));
              tc.collation = ct.get(1).value();
            }
          }
        }
      }
      case SET_DEFAULT -> {
        if (col != null) {
          int d = a.text().toLowerCase(Locale.ROOT).indexOf("default");
          col.defaultExpr = a.text().substring(d + "default".length()).trim();
        }
      }
      case DROP_DEFAULT -> {
        if (col != null) {
          col.defaultExpr = null;
        }
      }
      case SET_NOT_NULL -> withDescendants(c, r).forEach(x -> {
        Catalog.Column cc = x.columns.get(a.column());
        if (cc != null) {
          cc.notNull = true;
        }
      });
      case DROP_NOT_NULL -> {
        if (col != null) {
          col.notNull = false;
        }
      }
      case ADD_IDENTITY -> {
        if (col != null) {
          col.identity = a.text().toLowerCase(Locale.ROOT).contains("always") ? "always" : "by default";
          col.notNull = true;
          Name seq = r.name.sibling(r.name.name() + "_" + col.name + "_seq");
          if (c.relation(seq) == null) {
            newRelation(c, seq, Catalog.Kind.SEQUENCE).ownedBy = r.key;
          }
        }
      }
      case DROP_IDENTITY -> {
        if (col != null) {
          col.identity = null;
          c.relations.remove(r.name.sibling(r.name.name() + "_" + col.name + "_seq").key());
        }
      }
      case DROP_EXPRESSION -> {
        if (col != null) {
          col.generated = null;
        }
      }
      case ADD_CONSTRAINT -> {
        for (Definitions.ConstraintDef def : a.constraints()) {
          addConstraint(c, r, def);
        }
      }
      case VALIDATE_CONSTRAINT -> {
        Catalog.Constraint con = r.constraint(a.name().name());
        if (con != null) {
          con.validated = true;
          if (con.type == Catalog.ConstraintType.NOT_NULL && con.notNullColumn != null
              && r.columns.get(con.notNullColumn) != null) {
            r.columns.get(con.notNullColumn).notNull = true;
          }
        }
        for (Catalog.Relation child : c.descendants(r.key)) {
          Catalog.Constraint cc = child.constraint(a.name().name());
          if (cc != null) {
            cc.validated = true;
          }
        }
      }
      case DROP_CONSTRAINT -> {
        Catalog.Constraint con = r.constraint(a.name().name());
        if (con != null) {
          r.constraints.remove(con);
          c.refile(r);
          if (con.index != null) {
            c.indexes.remove(con.index);
          }
          // Dropping a primary key leaves its columns NOT NULL (PostgreSQL 13–18; DropPrimaryKeyNotNullServerTest).
        }
      }
      case RENAME_COLUMN -> {
        if (col != null) {
          r.columns.remove(col.name);
          col.name = a.name().name();
          r.columns.put(col.name, col);
          for (Catalog.Index i : c.indexesOf(r.key)) {
            i.columns.replaceAll(x -> a.column().equals(x) ? col.name : x);
          }
          for (Catalog.Constraint con : r.constraints) {
            con.columns.replaceAll(x -> a.column().equals(x) ? col.name : x);
            if (a.column().equals(con.notNullColumn)) {
              con.notNullColumn = col.name;
            }
          }
        }
      }
      case RENAME_TABLE -> renameRelation(c, r, r.name.sibling(a.name().name()));
      case RENAME_CONSTRAINT -> {
        Catalog.Constraint con = r.constraint(a.column());
        if (con != null) {
          con.name = a.name().name();
          if (con.index != null) {
            Catalog.Index i = c.indexes.remove(con.index);
            if (i != null) {
              i.name = r.name.sibling(con.name);
              i.key = i.name.key();
              c.indexes.put(i.key, i);
              con.index = i.key;
            }
          }
        }
      }
      case SET_SCHEMA -> renameRelation(c, r, new Name(a.name().name(), r.name.name()));
      case SET_LOGGED -> r.unlogged = false;
      case SET_UNLOGGED -> r.unlogged = true;
      case INHERIT -> {
        if (a.name() != null) {
          r.inherits.add(a.name().key());
          c.refile(r);
        }
      }
      case NO_INHERIT -> {
        if (a.name() != null) {
          r.inherits.remove(a.name().key());
          c.refile(r);
        }
      }
      case ATTACH_PARTITION -> {
        Catalog.Relation part = a.name() == null ? null : c.relation(a.name());
        if (part != null) {
          part.partitionOf = r.key;
          c.refile(part);
          part.partitionBound = a.flag() ? "DEFAULT" : a.text();
        }
      }
      case DETACH_PARTITION, DETACH_PARTITION_FINALIZE -> {
        Catalog.Relation part = a.name() == null ? null : c.relation(a.name());
        if (part != null) {
          part.partitionOf = null;
          c.refile(part);
        }
      }
      default -> {
        // no change the model tracks
      }
    }
  }

  private static List<Catalog.Relation> withDescendants(Catalog c, Catalog.Relation r) {
    List<Catalog.Relation> out = new ArrayList<>();
    out.add(r);
    out.addAll(c.descendants(r.key));
    return out;
  }

  private static void renameRelation(Catalog c, Catalog.Relation r, Name to) {
    String old = r.key;
    // What names it, from the catalog's lookups (fresh lists), before the key changes.
    List<Catalog.Index> indexes = c.indexesOf(old);
    List<Catalog.Relation> children = c.children(old);
    List<Catalog.Relation> readers = c.readers(old);
    List<Catalog.Relation> owned = c.owned(old);
    List<Catalog.Relation> referencing = c.referencing(old);
    c.relations.remove(old);
    r.name = to;
    r.key = to.key();
    c.relations.put(r.key, r);
    for (Catalog.Index i : indexes) {
      i.table = r.key;
      c.refile(i);
    }
    for (Catalog.Relation other : children) {
      if (old.equals(other.partitionOf)) {
        other.partitionOf = r.key;
      }
      other.inherits.replaceAll(x -> x.equals(old) ? r.key : x);
      c.refile(other);
    }
    for (Catalog.Relation other : readers) {
      if (other.reads.remove(old)) {
        other.reads.add(r.key);
      }
      c.refile(other);
    }
    for (Catalog.Relation other : owned) {
      other.ownedBy = r.key;
      c.refile(other);
    }
    for (Catalog.Relation other : referencing) {
      for (Catalog.Constraint con : other.constraints) {
        if (old.equals(con.refTable)) {
          con.refTable = r.key;
        }
      }
      c.refile(other);
    }
  }

  private static void alterIndex(Catalog c, Tokens t) {
    int k = 2;
    if (t.is(k, "if", "exists")) {
      k += 2;
    }
    Name.Parsed p = Name.read(t, k);
    if (p == null) {
      return;
    }
    Catalog.Index idx = c.indexes.get(p.name().key());
    if (idx != null && t.is(p.next(), "rename", "to")) {
      c.indexes.remove(idx.key);
      idx.name = p.name().sibling(t.get(p.next() + 2).value());
      idx.key = idx.name.key();
      c.indexes.put(idx.key, idx);
    }
  }

  private static void alterOther(Catalog c, Tokens t, int k) {
    if (t.is(k, "if", "exists")) {
      k += 2;
    }
    Name.Parsed p = Name.read(t, k);
    if (p == null) {
      return;
    }
    Catalog.Relation r = c.relation(p.name());
    if (r == null) {
      return;
    }
    int j = p.next();
    if (t.is(j, "rename", "to")) {
      renameRelation(c, r, p.name().sibling(t.get(j + 2).value()));
    } else if (t.is(j, "set", "schema")) {
      renameRelation(c, r, new Name(t.get(j + 2).value(), p.name().name()));
    } else if (r.kind == Catalog.Kind.SEQUENCE) {
      int owned = t.find(j, "owned");
      if (owned >= 0 && t.is(owned + 1, "by")) {
        if (t.is(owned + 2, "none")) {
          r.ownedBy = null;
        } else {
          Name.Parsed col = Name.read(t, owned + 2);
          if (col != null && col.name().schema() != null) {
            r.ownedBy = Name.of(col.name().schema()).key();
          }
        }
        c.refile(r);
      }
    }
  }

  private static void alterType(Catalog c, Tokens t) {
    Name.Parsed p = Name.read(t, 2);
    if (p == null) {
      return;
    }
    List<String> values = c.enums.get(p.name().key());
    int j = p.next();
    if (values != null && t.is(j, "add", "value")) {
      int v = j + 2;
      if (t.is(v, "if", "not", "exists")) {
        v += 3;
      }
      String value = t.get(v).value();
      if (!values.contains(value)) {
        values.add(value);
      }
    } else if (values != null && t.is(j, "rename", "value")) {
      int idx = values.indexOf(t.get(j + 2).value());
      if (idx >= 0) {
        values.set(idx, t.get(j + 4).value());
      }
    } else if (t.is(j, "rename", "to")) {
      if (values != null) {
        c.enums.remove(p.name().key());
        c.enums.put(p.name().sibling(t.get(j + 2).value()).key(), values);
      }
    }
  }

  private static void alterDomain(Catalog c, Tokens t) {
    Name.Parsed p = Name.read(t, 2);
    Catalog.Domain d = p == null ? null : c.domains.get(p.name().key());
    if (d != null && t.find(p.next(), "check") >= 0) {
      d.hasChecks = true;
    }
  }

  // ------------------------------------------------------------------ DROP

  private static void drop(Catalog c, Tokens t) {
    int k = 1;
    String what;
    if (t.is(k, "materialized", "view")) {
      what = "view";
      k += 2;
    } else if (t.is(k, "foreign", "table")) {
      what = "table";
      k += 2;
    } else {
      what = t.get(k).value();
      k++;
    }
    if (t.is(k, "concurrently")) {
      k++;
    }
    if (t.is(k, "if", "exists")) {
      k += 2;
    }
    boolean cascade = t.find(k, "cascade") >= 0;
    for (int[] part : t.commaSeparated(k, t.size())) {
      Name.Parsed p = Name.read(t, part[0]);
      if (p == null) {
        continue;
      }
      String key = p.name().key();
      switch (what) {
        case "table", "view", "sequence" -> {
          if (cascade) {
            for (Catalog.Relation v : c.dependentViews(key)) {
              dropRelation(c, v.key);
            }
          }
          for (Catalog.Relation child : c.children(key)) {
            if (key.equals(child.partitionOf)) {
              dropRelation(c, child.key);
            }
          }
          dropRelation(c, key);
        }
        case "index" -> c.indexes.remove(key);
        case "type" -> c.enums.remove(key);
        case "domain" -> c.domains.remove(key);
        case "function", "procedure" -> c.functions.remove(p.name().name());
        default -> {
          // other objects are not modelled
        }
      }
    }
  }

  private static void dropRelation(Catalog c, String key) {
    Catalog.Relation r = c.relations.remove(key);
    if (r == null) {
      return;
    }
    // What hangs off it, from the catalog's lookups (each a fresh list: removing while going through it is safe).
    for (Catalog.Index i : c.indexesOf(key)) {
      c.indexes.remove(i.key);
    }
    for (Catalog.Relation s : c.ownedSequences(key)) {
      c.relations.remove(s.key);
    }
    for (Catalog.Relation other : c.referencing(key)) {
      if (other.constraints.removeIf(con -> key.equals(con.refTable))) {
        c.refile(other);
      }
    }
    for (Catalog.Relation child : c.children(key)) {
      if (child.inherits.remove(key)) {
        c.refile(child);
      }
    }
  }
}
