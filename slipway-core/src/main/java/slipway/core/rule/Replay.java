package slipway.core.rule;

import java.util.List;

/** Applies what a statement does to the {@link SchemaState}, after the rules have checked it. */
final class Replay {
  private Replay() {}

  static void apply(Statement s, SchemaState schema) {
    if (s.isEmpty()) return;
    if (s.startsWith("CREATE")) create(s, schema);
    else if (s.startsWith("ALTER", "TABLE")) alterTable(s, schema);
    else if (s.startsWith("DROP", "TABLE")) {
      for (Statement.Name n : names(s, afterIfExists(s, 2))) schema.tables.remove(n.simple());
    } else if (s.startsWith("DROP", "INDEX")) {
      int i = afterIfExists(s, s.matches(2, "CONCURRENTLY") ? 3 : 2);
      for (Statement.Name n : names(s, i)) schema.indexes.remove(n.simple());
    } else if (s.startsWith("DROP", "VIEW") || s.startsWith("DROP", "MATERIALIZED", "VIEW")) {
      int i = afterIfExists(s, s.matches(1, "MATERIALIZED") ? 3 : 2);
      for (Statement.Name n : names(s, i)) schema.views.remove(n.simple());
    } else if (s.startsWith("ALTER", "INDEX") && s.find(2, "RENAME", "TO") > 0) {
      Statement.Name from = s.nameAt(afterIfExists(s, 2));
      Statement.Name to = s.nameAt(s.find(2, "RENAME", "TO") + 2);
      SchemaState.Index i = from == null ? null : schema.indexes.remove(from.simple());
      if (i != null && to != null) {
        schema.indexes.put(to.simple(), new SchemaState.Index(to.simple(), i.table(), i.unique(), i.newInThisMigration()));
        if (i.newInThisMigration()) schema.createdInThisMigration.add(to.simple());
      }
    }
  }

  private static void create(Statement s, SchemaState schema) {
    int i = 1;
    if (s.matches(i, "OR", "REPLACE")) i += 2;
    while (s.matches(i, "GLOBAL") || s.matches(i, "LOCAL") || s.matches(i, "TEMP") || s.matches(i, "TEMPORARY")
        || s.matches(i, "UNLOGGED")) i++;
    boolean unique = false;
    if (s.matches(i, "UNIQUE")) { unique = true; i++; }
    if (s.matches(i, "TABLE")) {
      Statement.Name name = s.nameAt(afterIfExists(s, i + 1));
      if (name == null) return;
      SchemaState.Table t = schema.createTable(name.simple());
      int open = name.end();
      if (s.token(open) != null && s.token(open).isSymbol("(")) {
        int close = s.closeParen(open);
        for (int[] part : s.splitCommas(open + 1, close - 1)) column(s, part[0], part[1], t);
        if (s.matches(close, "PARTITION", "BY")) t.partitioned = true;
      }
    } else if (s.matches(i, "INDEX")) {
      int j = i + 1;
      if (s.matches(j, "CONCURRENTLY")) j++;
      j = afterIfExists(s, j);
      Statement.Name name = s.matches(j, "ON") ? null : s.nameAt(j);
      int on = s.find(j, "ON");
      if (on < 0) return;
      int t = on + 1;
      if (s.matches(t, "ONLY")) t++;
      Statement.Name table = s.nameAt(t);
      if (name != null && table != null) {
        schema.indexes.put(name.simple(), new SchemaState.Index(name.simple(), table.simple(), unique,
            schema.isNew(table.simple())));
        schema.createdInThisMigration.add(name.simple());
      }
    } else if (s.matches(i, "VIEW") || s.matches(i, "MATERIALIZED", "VIEW") || s.matches(i, "RECURSIVE", "VIEW")) {
      boolean mat = s.matches(i, "MATERIALIZED");
      int j = afterIfExists(s, i + (mat || s.matches(i, "RECURSIVE") ? 2 : 1));
      Statement.Name name = s.nameAt(j);
      if (name != null) {
        schema.views.put(name.simple(), new SchemaState.View(name.simple(), s.normalized(), mat, true));
        schema.createdInThisMigration.add(name.simple());
      }
    }
  }

  private static void column(Statement s, int from, int to, SchemaState.Table t) {
    Token first = s.token(from);
    if (first == null || !first.isIdentifier()) return;
    String u = first.upper();
    if (first.kind() == Token.Kind.WORD && List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN",
        "EXCLUDE", "LIKE").contains(u)) return;
    int end = from + 1;
    while (end < to && !Context.endsColumnType(s.token(end))) end++;
    t.columns.put(first.name(), s.textOf(from + 1, end).toLowerCase());
  }

  private static void alterTable(Statement s, SchemaState schema) {
    int i = afterIfExists(s, 2);
    if (s.matches(i, "ONLY")) i++;
    Statement.Name name = s.nameAt(i);
    if (name == null) return;
    SchemaState.Table t = schema.existingOrCreate(name.simple());
    for (int[] a : s.splitCommas(name.end(), s.size())) {
      int k = a[0];
      if (s.matches(k, "ADD") && !s.matches(k + 1, "CONSTRAINT") && !s.matches(k + 1, "PRIMARY")
          && !s.matches(k + 1, "UNIQUE") && !s.matches(k + 1, "FOREIGN") && !s.matches(k + 1, "CHECK")
          && !s.matches(k + 1, "EXCLUDE")) {
        int c = k + 1;
        if (s.matches(c, "COLUMN")) c++;
        c = afterIfNotExists(s, c);
        column(s, c, a[1], t);
      } else if (s.matches(k, "ADD", "CONSTRAINT") && s.nameAt(k + 2) != null) {
        String cname = s.nameAt(k + 2).simple();
        int kind = s.nameAt(k + 2).end();
        String notNull = null;
        if (s.matches(kind, "CHECK", "(") && s.token(kind + 2) != null
            && s.matches(kind + 3, "IS", "NOT", "NULL", ")")) notNull = s.token(kind + 2).name();
        boolean valid = s.find(k, a[1], "NOT", "VALID") < 0;
        schema.constraints.put(cname, new SchemaState.Constraint(cname, t.name, s.word(kind), notNull, valid));
      } else if (s.matches(k, "VALIDATE", "CONSTRAINT") && s.nameAt(k + 2) != null) {
        SchemaState.Constraint old = schema.constraints.get(s.nameAt(k + 2).simple());
        if (old != null) {
          schema.constraints.put(old.name(), new SchemaState.Constraint(old.name(), old.table(), old.kind(),
              old.notNullColumn(), true));
        }
      } else if (s.matches(k, "DROP", "CONSTRAINT")) {
        Statement.Name cn = s.nameAt(afterIfExists(s, k + 2));
        if (cn != null) schema.constraints.remove(cn.simple());
      } else if (s.matches(k, "ALTER")) {
        int c = s.matches(k + 1, "COLUMN") ? k + 2 : k + 1;
        Token col = s.token(c);
        int type = s.find(c, a[1], "TYPE");
        if (col != null && type > 0) {
          int end = type + 1;
          while (end < a[1] && !Context.endsColumnType(s.token(end))) end++;
          t.columns.put(col.name(), s.textOf(type + 1, end).toLowerCase());
        }
      } else if (s.matches(k, "DROP") && !s.matches(k + 1, "CONSTRAINT")) {
        int c = s.matches(k + 1, "COLUMN") ? k + 2 : k + 1;
        c = afterIfExists(s, c);
        if (s.token(c) != null) t.columns.remove(s.token(c).name());
      } else if (s.matches(k, "RENAME", "TO")) {
        Statement.Name to = s.nameAt(k + 2);
        if (to != null) {
          schema.tables.remove(t.name);
          SchemaState.Table moved = schema.existingOrCreate(to.simple());
          moved.columns.putAll(t.columns);
          moved.newInThisMigration = t.newInThisMigration;
          if (moved.newInThisMigration) schema.createdInThisMigration.add(moved.name);
          moved.partitioned = t.partitioned;
        }
      } else if (s.matches(k, "RENAME")) {
        int c = s.matches(k + 1, "COLUMN") ? k + 2 : k + 1;
        int to = s.find(c, a[1], "TO");
        if (to > 0 && s.token(c) != null && s.token(to + 1) != null) {
          String type = t.columns.remove(s.token(c).name());
          t.columns.put(s.token(to + 1).name(), type);
        }
      }
    }
  }

  static int afterIfExists(Statement s, int i) {
    return s.matches(i, "IF", "EXISTS") ? i + 2 : i;
  }

  static int afterIfNotExists(Statement s, int i) {
    return s.matches(i, "IF", "NOT", "EXISTS") ? i + 3 : i;
  }

  static List<Statement.Name> names(Statement s, int i) {
    List<Statement.Name> out = new java.util.ArrayList<>();
    while (true) {
      Statement.Name n = s.nameAt(i);
      if (n == null) return out;
      out.add(n);
      if (s.token(n.end()) == null || !s.token(n.end()).isSymbol(",")) return out;
      i = n.end() + 1;
    }
  }
}
