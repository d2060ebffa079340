package slipway.core.rule;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the rules need to know about the schema, replayed from the earlier statements and files:
 * which tables exist, which were created in the migration being checked (empty, unused, so nobody
 * waits on their locks), column types, indexes (unique or not), views and partitioned parents.
 * Names are keyed by their unqualified resolved name. A table never seen is assumed to exist and to
 * hold data: linting one file must not assume the table is new.
 */
public final class SchemaState {
  public static final class Table {
    final String name;
    boolean newInThisMigration;
    boolean partitioned;
    final Map<String, String> columns = new LinkedHashMap<>();

    Table(String name) { this.name = name; }

    public String name() { return name; }
    public boolean newInThisMigration() { return newInThisMigration; }
    public boolean partitioned() { return partitioned; }
    public Map<String, String> columns() { return columns; }
  }

  public record Index(String name, String table, boolean unique, boolean newInThisMigration) {}

  public record View(String name, String definition, boolean materialized, boolean newInThisMigration) {}

  /** A named constraint; {@code notNullColumn} is set for CHECK (col IS NOT NULL). */
  public record Constraint(String name, String table, String kind, String notNullColumn, boolean validated) {}

  final Map<String, Table> tables = new HashMap<>();
  final Map<String, Constraint> constraints = new HashMap<>();
  final Map<String, Index> indexes = new HashMap<>();
  final Map<String, View> views = new HashMap<>();

  public Table table(String name) {
    return tables.get(name);
  }

  /** True when the table was created by a statement of the migration being checked. */
  public boolean isNew(String table) {
    Table t = tables.get(table);
    if (t != null) return t.newInThisMigration;
    View v = views.get(table);
    return v != null && v.newInThisMigration();
  }

  /** True when a validated CHECK (column IS NOT NULL) exists on the table (SET NOT NULL then skips its scan). */
  public boolean hasValidNotNullCheck(String table, String column) {
    for (Constraint c : constraints.values()) {
      if (c.table().equals(table) && column.equals(c.notNullColumn()) && c.validated()) return true;
    }
    return false;
  }

  public Constraint constraint(String name) {
    return constraints.get(name);
  }

  public Index index(String name) {
    return indexes.get(name);
  }

  public View view(String name) {
    return views.get(name);
  }

  public Map<String, View> views() {
    return views;
  }

  /** Called between files: what the previous file created is now an existing table. */
  void startMigration() {
    for (String n : createdInThisMigration) {
      Table t = tables.get(n);
      if (t != null) t.newInThisMigration = false;
      Index i = indexes.get(n);
      if (i != null && i.newInThisMigration()) indexes.put(n, new Index(i.name(), i.table(), i.unique(), false));
      View v = views.get(n);
      if (v != null && v.newInThisMigration()) views.put(n, new View(v.name(), v.definition(), v.materialized(), false));
    }
    createdInThisMigration.clear();
  }

  /** Names created by the migration being checked (so resetting them between files is cheap). */
  final java.util.Set<String> createdInThisMigration = new java.util.HashSet<>();

  Table createTable(String name) {
    Table t = new Table(name);
    t.newInThisMigration = true;
    tables.put(name, t);
    createdInThisMigration.add(name);
    return t;
  }

  Table existingOrCreate(String name) {
    return tables.computeIfAbsent(name, Table::new);
  }
}
