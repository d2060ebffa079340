package slipway.core.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema as replayed from the migrations so far (see {@link CatalogReplay}): relations with their
 * columns, constraints and indexes, sequences, enums, domains and functions' volatility. Names are
 * keyed by {@link Name#key()}. Each relation remembers the migration that created it, so a table
 * created in the migration being analysed is known to be new and empty.
 */
public final class Catalog {
  public enum Kind { TABLE, PARTITIONED_TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE, FOREIGN_TABLE }

  public enum ConstraintType { CHECK, FOREIGN_KEY, UNIQUE, PRIMARY_KEY, EXCLUDE, NOT_NULL }

  /** A column; {@code type} is canonical ({@code integer}, {@code varchar}, {@code timestamptz}). */
  public static final class Column {
    public String name;
    public String type;
    public List<Integer> typmods = new ArrayList<>();
    public boolean array;
    public String collation;
    public String defaultExpr;
    public boolean notNull;
    public String identity;
    public String generated;

    public Column copy() {
      Column c = new Column();
      c.name = name;
      c.type = type;
      c.typmods = new ArrayList<>(typmods);
      c.array = array;
      c.collation = collation;
      c.defaultExpr = defaultExpr;
      c.notNull = notNull;
      c.identity = identity;
      c.generated = generated;
      return c;
    }

    /** e.g. {@code varchar(20)}, {@code numeric(10,2)[]}. */
    public String typeText() {
      StringBuilder b = new StringBuilder(type);
      if (!typmods.isEmpty()) {
        b.append('(');
        for (int i = 0; i < typmods.size(); i++) {
          b.append(i == 0 ? "" : ",").append(typmods.get(i));
        }
        b.append(')');
      }
      return array ? b + "[]" : b.toString();
    }
  }

  public static final class Constraint {
    public String name;
    public ConstraintType type;
    public List<String> columns = new ArrayList<>();
    public boolean validated = true;
    public String expression;
    /** The referenced table's key, for a foreign key. */
    public String refTable;
    /** The referenced columns of a foreign key (empty: the referenced table's primary key). */
    public List<String> refColumns = new ArrayList<>();
    /** The index key backing a UNIQUE / PRIMARY KEY / EXCLUDE constraint. */
    public String index;
    /** For {@code CHECK (col IS NOT NULL)} (and PG18 NOT NULL constraints): the column it proves non-null. */
    public String notNullColumn;
  }

  public static final class Index {
    public String key;
    public Name name;
    public String table;
    public boolean unique;
    public boolean primary;
    /** Column names; null entries for expressions. */
    public List<String> columns = new ArrayList<>();
    public String predicate;
    public boolean valid = true;
    public String constraint;
    public String method = "btree";
  }

  public static final class Relation {
    public String key;
    public Name name;
    public Kind kind;
    public final Map<String, Column> columns = new LinkedHashMap<>();
    public final List<Constraint> constraints = new ArrayList<>();
    /** For a partitioned table: the partition key's columns (null entries for expressions) and strategy. */
    public final List<String> partitionKey = new ArrayList<>();
    public String partitionStrategy;
    /** For a partition: the parent's key. */
    public String partitionOf;
    public String partitionBound;
    public final List<String> inherits = new ArrayList<>();
    /** Relations a view or materialized view reads (keys), and the columns it names. */
    public final Set<String> reads = new LinkedHashSet<>();
    public final Set<String> readColumns = new LinkedHashSet<>();
    public int createdIn;
    public boolean unlogged;
    public String ownedBy;

    public boolean isTable() {
      return kind == Kind.TABLE || kind == Kind.PARTITIONED_TABLE || kind == Kind.FOREIGN_TABLE;
    }

    public Constraint constraint(String name) {
      for (Constraint c : constraints) {
        if (c.name != null && c.name.equals(name)) {
          return c;
        }
      }
      return null;
    }
  }

  public static final class Domain {
    public String name;
    public String baseType;
    public boolean hasChecks;
    public boolean notNull;
  }

  final Tracked<Relation> relations = new Tracked<>();
  final Tracked<Index> indexes = new Tracked<>();
  final Map<String, List<String>> enums = new LinkedHashMap<>();
  final Map<String, Domain> domains = new LinkedHashMap<>();
  /** Function name (unqualified key) to volatility: 'v', 's' or 'i'. */
  final Map<String, Character> functions = new LinkedHashMap<>();
  int migration;

  /*
   * The lock model, the rules and the replay ask, several times per statement, for the indexes of a
   * table, the partitions and inheritance children of a relation, the views over it, the sequences it
   * owns and the tables whose foreign keys reference it. Scanning every relation for each answer made
   * those questions (and every DROP, DROP COLUMN and RENAME) a good part of a lint run, so they are answered from
   * maps by table, by parent, by relation read, by owner and by referenced table, kept up to date:
   * - relations and indexes are Tracked maps that log additions and removals and number each value in
   *   insertion order: the lookups replay the log on the next question, and every list keeps the map's
   *   order; a replaced value, or a size the log does not explain, rebuilds them from scratch;
   * - a change to the fields the maps are keyed by, on a relation or index already in the catalog, is
   *   announced: refile(r) or refile(index) for each object changed (partitionOf, inherits, reads, owner,
   *   constraints, an index's table: the lookups move it), or touch() after changing many at once (the
   *   lookups are rebuilt);
   * - while CatalogReplay applies a statement (beginChange/endChange), a new relation's fields may still
   *   be filled in after it was added: the lookups stop at the log as it stood when the statement began,
   *   and the values added since are read field by field on each question (after a touch(), or before
   *   the first rebuild, such questions are answered by a scan).
   * Code outside CatalogReplay that edits those fields of a relation or index already in the catalog
   * must announce it before the next question (the engine's introspection fills a fresh catalog before
   * anything asks).
   */
  private int changing;
  private int touches;
  private final Derived<Relation> childrenByParent = new Derived<>(relations, this::childrenKeys);
  private final Derived<Relation> readersByRead = new Derived<>(relations, r -> List.copyOf(r.reads));
  private final Derived<Relation> byOwner = new Derived<>(relations,
      r -> r.ownedBy != null ? List.of(r.ownedBy) : List.of());
  private final Derived<Relation> referrersByTable = new Derived<>(relations, Catalog::referencedKeys);
  private final Derived<Index> indexesByTable = new Derived<>(indexes, i -> i.table == null ? List.of() : List.of(i.table));

  /** Starts a statement's changes: the lookups stop at the log as it stands until {@link #endChange()}. */
  void beginChange() {
    if (changing++ == 0) {
      relations.mark();
      indexes.mark();
    }
  }

  void endChange() {
    changing--;
  }

  /**
   * Announces a change to a relation's partitionOf, inherits or reads, or an index's table, on an
   * object already in the catalog: the lookups by those keys are rebuilt on the next question.
   */
  public void touch() {
    touches++;
  }

  /**
   * Announces a change to a relation's partitionOf, inherits, reads, owner or constraints: the lookups
   * move it (a relation they have not filed yet is left to them).
   */
  public void refile(Relation r) {
    childrenByParent.refile(r);
    readersByRead.refile(r);
    byOwner.refile(r);
    referrersByTable.refile(r);
  }

  /** Announces a change to an index's table: the lookup by table moves it. */
  public void refile(Index i) {
    indexesByTable.refile(i);
  }

  private List<String> childrenKeys(Relation r) {
    List<String> keys = new ArrayList<>(1 + r.inherits.size());
    if (r.partitionOf != null) {
      keys.add(r.partitionOf);
    }
    for (String parent : r.inherits) {
      // Once per parent, as the scan: not again for a parent it is also a partition of, or names twice.
      if (parent != null && !keys.contains(parent)) {
        keys.add(parent);
      }
    }
    return keys;
  }

  /** The tables a relation's constraints reference, each once. */
  private static List<String> referencedKeys(Relation r) {
    List<String> keys = List.of();
    for (Constraint c : r.constraints) {
      if (c.refTable != null && !keys.contains(c.refTable)) {
        if (keys.isEmpty()) {
          keys = new ArrayList<>(2);
        }
        keys.add(c.refTable);
      }
    }
    return keys;
  }

  /**
   * A LinkedHashMap that logs the values added under new keys and the values removed (by key or through
   * {@link #values()}), numbers values in insertion order, and counts replacements: the lookups follow
   * the log instead of being rebuilt.
   */
  static final class Tracked<V> extends LinkedHashMap<String, V> {
    /** In order: a value added under a new key, or a {@link Removed} value. */
    final List<Object> log = new ArrayList<>();
    /** Each value's place in insertion order (the map's iteration order). */
    private final Map<Object, Integer> ordinal = new java.util.IdentityHashMap<>();
    private int next;
    int replaced;
    /** The log's length and the map's size when the statement being applied began. */
    int markLog;
    int markSize;

    record Removed(Object value) {}

    void mark() {
      markLog = log.size();
      markSize = size();
    }

    int ordinal(Object value) {
      Integer n = ordinal.get(value);
      return n == null ? Integer.MAX_VALUE : n;
    }

    @Override
    public V put(String key, V value) {
      if (containsKey(key)) {
        replaced++;
        ordinal.put(value, ordinal(get(key))); // it takes the old value's place in the map's order
      } else {
        log.add(value);
        ordinal.put(value, next++);
      }
      return super.put(key, value);
    }
    @Override
    public V putIfAbsent(String key, V value) {
      V old = get(key);
      if (old == null) {
        put(key, value);
      }
      return old;
    }

    @Override
    public void putAll(Map<? extends String, ? extends V> m) {
      for (Map.Entry<? extends String, ? extends V> e : m.entrySet()) {
        put(e.getKey(), e.getValue());
      }
    }

    @Override
    public V remove(Object key) {
      V old = super.remove(key);
      if (old != null) {
        log.add(new Removed(old));
      }
      return old;
    }

    @Override
    public boolean remove(Object key, Object value) {
      boolean removed = super.remove(key, value);
      if (removed) {
        log.add(new Removed(value));
      }
      return removed;
    }

    @Override
    public void clear() {
      replaced++;
      super.clear();
    }

    /** The values; removing through the view (values().removeIf) is logged too. */
    @Override
    public java.util.Collection<V> values() {
      java.util.Collection<V> inner = super.values();
      return new java.util.AbstractCollection<>() {
        @Override
        public int size() {
          return inner.size();
        }

        @Override
        public boolean contains(Object o) {
          return inner.contains(o);
        }

        @Override
        public void clear() {
          Tracked.this.clear();
        }

        @Override
        public java.util.Iterator<V> iterator() {
          java.util.Iterator<V> it = inner.iterator();
          return new java.util.Iterator<>() {
            private V last;

            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public V next() {
              last = it.next();
              return last;
            }

            @Override
            public void remove() {
              it.remove();
              log.add(new Removed(last));
            }
          };
        }
      };
    }

    // The rest may replace values: the lookups are rebuilt.
    @Override
    public V computeIfAbsent(String key, java.util.function.Function<? super String, ? extends V> f) {
      replaced++;
      return super.computeIfAbsent(key, f);
    }

    @Override
    public V computeIfPresent(String key, java.util.function.BiFunction<? super String, ? super V, ? extends V> f) {
      replaced++;
      return super.computeIfPresent(key, f);
    }

    @Override
    public V compute(String key, java.util.function.BiFunction<? super String, ? super V, ? extends V> f) {
      replaced++;
      return super.compute(key, f);
    }

    @Override
    public V merge(String key, V value, java.util.function.BiFunction<? super V, ? super V, ? extends V> f) {
      replaced++;
      return super.merge(key, value, f);
    }

    @Override
    public V replace(String key, V value) {
      replaced++;
      return super.replace(key, value);
    }

    @Override
    public boolean replace(String key, V oldValue, V newValue) {
      replaced++;
      return super.replace(key, oldValue, newValue);
    }

    @Override
    public void replaceAll(java.util.function.BiFunction<? super String, ? super V, ? extends V> f) {
      replaced++;
      super.replaceAll(f);
    }
  }

  /** Values of a Tracked map grouped by the keys each names, in the map's order, kept up to date. */
  private final class Derived<V> {
    private final Tracked<V> map;
    private final java.util.function.Function<V, List<String>> keysOf;
    private Map<String, List<V>> by;
    /** The keys each value was filed under (its fields may have changed since). */
    private final Map<V, List<String>> filed = new java.util.IdentityHashMap<>();
    private int size;
    private int seen;
    private int replaced;
    private int touched;

    Derived(Tracked<V> map, java.util.function.Function<V, List<String>> keysOf) {
      this.map = map;
      this.keysOf = keysOf;
    }

    /** The values filed under key, in the map's order (a fresh list). */
    List<V> get(String key) {
      List<V> found = filed(key);
      if (found != null) {
        return found;
      }
      // After a touch() while a statement is applied, or before the first rebuild: every value, as it is now.
      List<V> out = new ArrayList<>();
      for (V v : map.values()) {
        if (keysOf.apply(v).contains(key)) {
          out.add(v);
        }
      }
      return out;
    }

    /** The values filed under key, in the map's order (a fresh list), or null: scan instead. */
    private List<V> filed(String key) {
      if (changing == 0) {
        catchUp(map.log.size(), map.size(), true);
        return copy(by.get(key));
      }
      // A statement is being applied: the lookups as they stood when it began, then what it changed.
      if (!catchUp(map.markLog, map.markSize, false)) {
        return null;
      }
      List<V> out = copy(by.get(key));
      for (int i = map.markLog; i < map.log.size(); i++) {
        Object e = map.log.get(i);
        if (e instanceof Tracked.Removed r) {
          removeSame(out, r.value());
        } else {
          @SuppressWarnings("unchecked")
          V v = (V) e;
          if (keysOf.apply(v).contains(key)) {
            removeSame(out, v);
            out.add(v);
          }
        }
      }
      return out;
    }

    /**
     * Brings the lookups up to log entry {@code upTo}, where the map held {@code sizeThen} values; false
     * when that takes a rebuild and {@code mayRebuild} is not set (a rebuild files every value as it is now).
     */
    @SuppressWarnings("unchecked")
    private boolean catchUp(int upTo, int sizeThen, boolean mayRebuild) {
      boolean rebuild = by == null || map.replaced != replaced || touches != touched;
      if (!rebuild && seen < upTo) {
        // Removals leave the rest in order; additions are filed in the map's order. A size that does
        // not add up means a change the log missed: rebuild.
        int expected = size;
        for (int i = seen; i < upTo; i++) {
          Object e = map.log.get(i);
          if (e instanceof Tracked.Removed r) {
            unfile((V) r.value());
            expected--;
          } else {
            file((V) e);
            expected++;
          }
        }
        seen = upTo;
        size = expected;
        rebuild = expected != sizeThen;
      } else if (!rebuild) {
        rebuild = size != sizeThen;
      }
      if (rebuild) {
        if (!mayRebuild) {
          return false;
        }
        by = new HashMap<>();
        filed.clear();
        for (V v : map.values()) {
          file(v);
        }
        seen = map.log.size();
        size = map.size();
      }
      replaced = map.replaced;
      touched = touches;
      return true;
    }

    /** Files a value under its keys as they are now (again, if it was filed). */
    private void file(V v) {
      unfile(v);
      List<String> keys = keysOf.apply(v);
      int n = map.ordinal(v);
      for (int j = 0; j < keys.size(); j++) {
        String k = keys.get(j);
        List<V> list = by.computeIfAbsent(k, x -> new ArrayList<>(2));
        int at = list.size();
        while (at > 0 && map.ordinal(list.get(at - 1)) > n) {
          at--;
        }
        list.add(at, v);
      }
      filed.put(v, keys);
    }

    private void unfile(V v) {
      List<String> keys = filed.remove(v);
      if (keys == null) {
        return;
      }
      for (int j = 0; j < keys.size(); j++) {
        List<V> list = by.get(keys.get(j));
        if (list != null) {
          removeSame(list, v);
        }
      }
    }

    /** Files a value already filed again, under its keys as they are now. */
    void refile(V v) {
      if (by != null && filed.containsKey(v)) {
        file(v);
      }
    }
  }

  private static void removeSame(List<?> list, Object v) {
    for (int i = list.size() - 1; i >= 0; i--) {
      if (list.get(i) == v) {
        list.remove(i);
        return;
      }
    }
  }

  public Relation relation(String key) {
    return relations.get(key);
  }

  public Relation relation(Name name) {
    return relations.get(name.key());
  }

  public Index index(String key) {
    return indexes.get(key);
  }

  public Map<String, List<String>> enums() {
    return enums;
  }

  public Map<String, Domain> domains() {
    return domains;
  }

  public java.util.Collection<Relation> relations() {
    return relations.values();
  }

  /**
   * Adds a relation that exists before the migrations (e.g. read from a live database). Its
   * {@code createdIn} should be 0, so it is never new in a migration being analysed.
   */
  public void putRelation(Relation r) {
    relations.put(r.key, r);
  }

  /** Adds an index that exists before the migrations. */
  public void putIndex(Index i) {
    indexes.put(i.key, i);
  }

  /** Records a function's volatility ('v', 's' or 'i'), keyed by its unqualified name. */
  public void putFunction(String name, char volatility) {
    functions.put(name, volatility);
  }

  /** Character 'v', 's', 'i' for a function created by the migrations, else null. */
  public Character functionVolatility(String name) {
    return functions.get(name);
  }

  /** Starts the next migration: relations created from now on are new in it. */
  public void beginMigration() {
    migration++;
  }

  public int currentMigration() {
    return migration;
  }

  /** True when the table was created in the migration being analysed (so it is empty and unused). */
  public boolean isNewInThisMigration(Name name) {
    Relation r = relation(name);
    return r != null && r.createdIn == migration && migration > 0;
  }

  /** The indexes of a table, in creation order. */
  public List<Index> indexesOf(String tableKey) {
    return indexesByTable.get(tableKey);
  }

  /** Direct partitions and inheritance children. */
  public List<Relation> children(String key) {
    return childrenByParent.get(key);
  }

  /** All partitions and inheritance descendants, depth first. */
  public List<Relation> descendants(String key) {
    List<Relation> out = new ArrayList<>();
    collect(key, out, new LinkedHashSet<>());
    return out;
  }

  private void collect(String key, List<Relation> out, Set<String> seen) {
    for (Relation c : children(key)) {
      if (seen.add(c.key)) {
        out.add(c);
        collect(c.key, out, seen);
      }
    }
  }

  /**
   * Whether a foreign key can reference this column: PostgreSQL requires the referenced columns to carry
   * a primary key, a unique constraint or a unique index, so a column in none of them is referenced by no
   * foreign key (a cheap test before looking through every table's constraints).
   */
  public boolean mayBeReferenced(Relation r, String column) {
    for (Constraint k : r.constraints) {
      if ((k.type == ConstraintType.PRIMARY_KEY || k.type == ConstraintType.UNIQUE) && k.columns.contains(column)) {
        return true;
      }
    }
    for (Index i : indexesOf(r.key)) {
      if (i.unique && i.columns.contains(column)) {
        return true;
      }
    }
    return false;
  }

  /** Foreign keys of other tables that reference this one: the referencing tables' keys. */
  public List<String> referencedBy(String key) {
    List<String> out = new ArrayList<>();
    for (Relation r : referencing(key)) {
      for (Constraint c : r.constraints) {
        if (c.type == ConstraintType.FOREIGN_KEY && key.equals(c.refTable) && !out.contains(r.key)) {
          out.add(r.key);
        }
      }
    }
    return out;
  }

  /**
   * Relations whose constraints reference this one (e.g. by a foreign key), and relations that inherit
   * from it, each once, in the catalog's order: what blocks a DROP without CASCADE.
   */
  public List<Relation> referencingOrInheriting(String key) {
    List<Relation> out = referencing(key);
    for (Relation child : children(key)) {
      if (child.inherits.contains(key) && !out.contains(child)) {
        int at = out.size();
        while (at > 0 && relations.ordinal(out.get(at - 1)) > relations.ordinal(child)) {
          at--;
        }
        out.add(at, child);
      }
    }
    return out;
  }

  /** Relations whose constraints reference this one (a foreign key's refTable), in the catalog's order. */
  public List<Relation> referencing(String key) {
    return referrersByTable.get(key);
  }

  /** Views and materialized views that read this relation (directly). */
  public List<Relation> dependentViews(String key) {
    List<Relation> out = readers(key);
    out.removeIf(r -> r.kind != Kind.VIEW && r.kind != Kind.MATERIALIZED_VIEW);
    return out;
  }

  /** Relations that read this one (views, materialized views, CREATE TABLE … AS), in the catalog's order. */
  List<Relation> readers(String key) {
    return readersByRead.get(key);
  }

  /** Sequences owned by a table's columns (serial, identity). */
  public List<Relation> ownedSequences(String tableKey) {
    List<Relation> out = owned(tableKey);
    out.removeIf(r -> r.kind != Kind.SEQUENCE);
    return out;
  }

  /** Relations owned by a table (its sequences), in the catalog's order. */
  List<Relation> owned(String tableKey) {
    return byOwner.get(tableKey);
  }

  private static <T> List<T> copy(List<T> found) {
    return found == null ? new ArrayList<>() : new ArrayList<>(found);
  }
}
