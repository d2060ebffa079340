package slipway.core.rule;

import java.util.List;
import java.util.Set;

/** Everything a rule may look at for one statement: the statement, its migration and the schema before it. */
public final class Context {
  private static final Set<String> COLUMN_END = Set.of("NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE",
      "REFERENCES", "CHECK", "CONSTRAINT", "GENERATED", "COLLATE", "USING");

  private final Statement statement;
  private final List<Statement> migration;
  private final int index;
  private final SchemaState schema;
  private final LintConfig config;
  private final Stats stats;
  private final boolean inTransaction;
  private final boolean runnerWrapsInTransaction;
  private final boolean downMigration;

  Context(Statement statement, List<Statement> migration, int index, SchemaState schema, LintConfig config,
      Stats stats, boolean inTransaction, boolean runnerWrapsInTransaction, boolean downMigration) {
    this.statement = statement;
    this.migration = migration;
    this.index = index;
    this.schema = schema;
    this.config = config;
    this.stats = stats;
    this.inTransaction = inTransaction;
    this.runnerWrapsInTransaction = runnerWrapsInTransaction;
    this.downMigration = downMigration;
  }

  public Statement statement() { return statement; }
  /** Every statement of the file being checked, in order. */
  public List<Statement> migration() { return migration; }
  /** Position of {@link #statement()} in {@link #migration()}. */
  public int index() { return index; }
  public SchemaState schema() { return schema; }
  public LintConfig config() { return config; }
  public Stats stats() { return stats; }
  public int pgVersion() { return config.pgVersion(); }
  /** Inside BEGIN … COMMIT, or in a file the migration runner wraps in a transaction. */
  public boolean inTransaction() { return inTransaction; }
  public boolean runnerWrapsInTransaction() { return runnerWrapsInTransaction; }
  /** A down (rollback) migration: dropping what the up migration added is its purpose. */
  public boolean downMigration() { return downMigration; }

  /** True when the relation exists before this migration (or is unknown, so assumed to exist with data). */
  public boolean existing(Statement.Name relation) {
    return relation != null && !schema.isNew(relation.simple());
  }

  /** Rows of the table when sizes are known, else -1. */
  public long rows(Statement.Name table) {
    Stats.TableStats s = table == null ? null : stats.of(table.qualified());
    return s == null ? -1 : s.rows();
  }

  /** The column's type before this statement, or null when unknown. */
  public String columnType(Statement.Name table, String column) {
    SchemaState.Table t = table == null ? null : schema.table(table.simple());
    return t == null ? null : t.columns().get(column);
  }

  /** Whether a keyword ends a column's type in a column definition. */
  static boolean endsColumnType(Token t) {
    return t.kind() == Token.Kind.WORD && COLUMN_END.contains(t.upper());
  }
}
