package slipway.core.rule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.Name;
import slipway.core.lock.LockModel;
import slipway.core.lock.StatementFacts;
import slipway.core.sql.syntax.QualifiedName;

/**
 * Everything a rule may look at for one statement: the statement (tokens and typed syntax tree), its
 * migration, the schema before it ({@link Catalog}, the one schema replay Slipway has) and what the lock
 * model says the statement does ({@link #facts()}). A rule's claims about locks, rewrites and scans come
 * from those facts, never from its own reading of the SQL: every fact is a row of
 * {@link slipway.core.lock.LockFacts} proven on the real server.
 */
public final class Context {
  private final Statement statement;
  private final List<Statement> migration;
  private final int index;
  private final Catalog catalog;
  private final StatementFacts facts;
  private final LintConfig config;
  private final Stats stats;
  private final boolean inTransaction;
  private final boolean runnerWrapsInTransaction;
  private final boolean downMigration;
  private Map<String, StatementFacts> actionFacts;
  private List<StatementFacts> earlierFacts = List.of();

  Context(Statement statement, List<Statement> migration, int index, Catalog catalog, StatementFacts facts,
      LintConfig config, Stats stats, boolean inTransaction, boolean runnerWrapsInTransaction, boolean downMigration) {
    this.statement = statement;
    this.migration = migration;
    this.index = index;
    this.catalog = catalog;
    this.facts = facts;
    this.config = config;
    this.stats = stats;
    this.inTransaction = inTransaction;
    this.runnerWrapsInTransaction = runnerWrapsInTransaction;
    this.downMigration = downMigration;
  }

  public Statement statement() { return statement; }
  /** The statement in the typed syntax tree (parsed once, shared by every rule). */
  public slipway.core.sql.syntax.Statement syntax() { return statement.syntax(); }
  /** Every statement of the file being checked, in order. */
  public List<Statement> migration() { return migration; }
  /** Position of {@link #statement()} in {@link #migration()}. */
  public int index() { return index; }
  /** The schema as it stands before this statement: read it, never change it. */
  public Catalog catalog() { return catalog; }
  /** What the lock model says this statement does on {@link #pgVersion()}, against {@link #catalog()}. */
  public StatementFacts facts() { return facts; }
  public LintConfig config() { return config; }
  public Stats stats() { return stats; }
  public int pgVersion() { return config.pgVersion(); }
  /** Inside BEGIN … COMMIT, or in a file the migration runner wraps in a transaction. */
  public boolean inTransaction() { return inTransaction; }
  public boolean runnerWrapsInTransaction() { return runnerWrapsInTransaction; }
  /** A down (rollback) migration: dropping what the up migration added is its purpose. */
  public boolean downMigration() { return downMigration; }

  /** The lock model's facts for an earlier statement of this migration ({@code i < index()}), or null. */
  public StatementFacts factsOf(int i) {
    return i >= 0 && i < earlierFacts.size() && i < index ? earlierFacts.get(i) : null;
  }

  /** The facts of the statements before this one, in order (set by the {@link Linter}). */
  Context withEarlierFacts(List<StatementFacts> facts) {
    this.earlierFacts = facts;
    return this;
  }

  /** True when the lock model used the {@link slipway.core.lock.LockFacts} row {@code id} for this statement. */
  public boolean hasFact(String id) {
    return facts.facts().contains(id);
  }

  /**
   * The lock model's facts for one action of this ALTER TABLE as if it were the only one (so that a rule
   * speaks about the action it points at): the statement's own facts when it has a single action.
   */
  public StatementFacts factsOf(String table, String actionText, int actions) {
    if (actions <= 1) return facts;
    if (actionFacts == null) actionFacts = new HashMap<>(4);
    return actionFacts.computeIfAbsent(actionText,
        a -> LockModel.classify("ALTER TABLE " + table + " " + a, catalog, config.pgVersion()));
  }

  /** True when the relation exists before this migration (or is unknown, so assumed to exist with data). */
  public boolean existing(QualifiedName relation) {
    return relation != null && !catalog.isNewInThisMigration(name(relation));
  }

  /** The catalog's relation for a name as written, or null when the schema does not know it. */
  public Catalog.Relation relation(QualifiedName name) {
    return name == null ? null : catalog.relation(name(name));
  }

  /** The catalog's index for a name as written, or null. */
  public Catalog.Index index(QualifiedName name) {
    return name == null ? null : catalog.index(name(name).key());
  }

  /** True when the relation is a partitioned table (by the schema replayed so far). */
  public boolean partitioned(QualifiedName name) {
    Catalog.Relation r = relation(name);
    return r != null && r.kind == Catalog.Kind.PARTITIONED_TABLE;
  }

  /** Catalog name of a name as written. */
  public static Name name(QualifiedName n) {
    return new Name(n.schema(), n.name());
  }

  /** Rows of the table when sizes are known, else -1. */
  public long rows(QualifiedName table) {
    Stats.TableStats s = table == null ? null : stats.of(table.toString());
    return s == null ? -1 : s.rows();
  }


  /** The column's type before this statement as PostgreSQL would print it, or null when unknown. */
  public String columnType(QualifiedName table, String column) {
    Catalog.Relation r = relation(table);
    Catalog.Column c = r == null ? null : r.columns.get(column);
    return c == null ? null : c.typeText();
  }

}
