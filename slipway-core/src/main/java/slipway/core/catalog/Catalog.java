package slipway.core.catalog;

import java.util.ArrayList;
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

  final Map<String, Relation> relations = new LinkedHashMap<>();
  final Map<String, Index> indexes = new LinkedHashMap<>();
  final Map<String, List<String>> enums = new LinkedHashMap<>();
  final Map<String, Domain> domains = new LinkedHashMap<>();
  /** Function name (unqualified key) to volatility: 'v', 's' or 'i'. */
  final Map<String, Character> functions = new LinkedHashMap<>();
  int migration;

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
    List<Index> out = new ArrayList<>();
    for (Index i : indexes.values()) {
      if (tableKey.equals(i.table)) {
        out.add(i);
      }
    }
    return out;
  }

  /** Direct partitions and inheritance children. */
  public List<Relation> children(String key) {
    List<Relation> out = new ArrayList<>();
    for (Relation r : relations.values()) {
      if (key.equals(r.partitionOf) || r.inherits.contains(key)) {
        out.add(r);
      }
    }
    return out;
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

  /** Foreign keys of other tables that reference this one: the referencing tables' keys. */
  public List<String> referencedBy(String key) {
    List<String> out = new ArrayList<>();
    for (Relation r : relations.values()) {
      for (Constraint c : r.constraints) {
        if (c.type == ConstraintType.FOREIGN_KEY && key.equals(c.refTable) && !out.contains(r.key)) {
          out.add(r.key);
        }
      }
    }
    return out;
  }

  /** Views and materialized views that read this relation (directly). */
  public List<Relation> dependentViews(String key) {
    List<Relation> out = new ArrayList<>();
    for (Relation r : relations.values()) {
      if ((r.kind == Kind.VIEW || r.kind == Kind.MATERIALIZED_VIEW) && r.reads.contains(key)) {
        out.add(r);
      }
    }
    return out;
  }

  /** Sequences owned by a table's columns (serial, identity). */
  public List<Relation> ownedSequences(String tableKey) {
    List<Relation> out = new ArrayList<>();
    for (Relation r : relations.values()) {
      if (r.kind == Kind.SEQUENCE && r.ownedBy != null && r.ownedBy.equals(tableKey)) {
        out.add(r);
      }
    }
    return out;
  }
}
