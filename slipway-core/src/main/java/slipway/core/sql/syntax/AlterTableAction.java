package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/**
 * One action of ALTER TABLE (several may follow each other, separated by commas). Components named
 * {@code …Span} say where a name or type is written, so that rules can quote it as the user wrote it.
 */
public sealed interface AlterTableAction {
  Span span();

  /** The column the action is about, or null for a table-level action. */
  default String column() {
    return null;
  }

  /** ADD [COLUMN] [IF NOT EXISTS] column-definition. */
  record AddColumn(Span span, ColumnDef definition, boolean ifNotExists) implements AlterTableAction {
    @Override public String column() { return definition.name(); }
  }

  /** DROP [COLUMN] [IF EXISTS] c [CASCADE]. */
  record DropColumn(Span span, String column, boolean ifExists, boolean cascade, Span columnSpan)
      implements AlterTableAction {}

  /** ALTER [COLUMN] c [SET DATA] TYPE t [COLLATE x] [USING expression]. */
  record AlterColumnType(Span span, String column, TypeName type, String collation, Expression using,
      Span columnSpan, Span typeSpan) implements AlterTableAction {}

  /** ALTER [COLUMN] c SET DEFAULT expression. */
  record SetDefault(Span span, String column, Expression value) implements AlterTableAction {}

  /** ALTER [COLUMN] c DROP DEFAULT. */
  record DropDefault(Span span, String column) implements AlterTableAction {}

  /** ALTER [COLUMN] c SET NOT NULL. */
  record SetNotNull(Span span, String column, Span columnSpan) implements AlterTableAction {}

  /** ALTER [COLUMN] c DROP NOT NULL. */
  record DropNotNull(Span span, String column) implements AlterTableAction {}

  /** ALTER [COLUMN] c ADD GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(sequence options)]. */
  record AddIdentity(Span span, String column, String generated) implements AlterTableAction {}

  /** ALTER [COLUMN] c SET GENERATED … / SET sequence-option / RESTART: each change as written. */
  record AlterIdentity(Span span, String column, List<String> changes) implements AlterTableAction {
    public AlterIdentity { changes = List.copyOf(changes); }
  }

  /** ALTER [COLUMN] c DROP IDENTITY [IF EXISTS]. */
  record DropIdentity(Span span, String column, boolean ifExists) implements AlterTableAction {}

  /** ALTER [COLUMN] c SET EXPRESSION AS (expression) — a generated column's new expression (PostgreSQL 17). */
  record SetExpression(Span span, String column, Expression expression) implements AlterTableAction {}

  /** ALTER [COLUMN] c DROP EXPRESSION [IF EXISTS]. */
  record DropExpression(Span span, String column, boolean ifExists) implements AlterTableAction {}

  /**
   * ALTER [COLUMN] c SET STATISTICS n | SET STORAGE s | SET COMPRESSION m | SET (…) | RESET (…):
   * {@code option} is STATISTICS, STORAGE, COMPRESSION, SET or RESET and {@code value} as written.
   */
  record SetColumnOption(Span span, String column, String option, String value) implements AlterTableAction {}

  /** ADD table-constraint [NOT VALID] (see {@link Constraint#notValid()}, {@link Constraint#usingIndex()}). */
  record AddConstraint(Span span, Constraint constraint) implements AlterTableAction {}

  /** DROP CONSTRAINT [IF EXISTS] name [CASCADE]. */
  record DropConstraint(Span span, String name, boolean ifExists, boolean cascade) implements AlterTableAction {}

  /** VALIDATE CONSTRAINT name. */
  record ValidateConstraint(Span span, String name) implements AlterTableAction {}

  /** ALTER CONSTRAINT name [NOT] DEFERRABLE / INITIALLY … / [NO] INHERIT: attributes as written. */
  record AlterConstraint(Span span, String name, List<String> attributes) implements AlterTableAction {
    public AlterConstraint { attributes = List.copyOf(attributes); }
  }

  /** RENAME [COLUMN] a TO b. */
  record RenameColumn(Span span, String column, String newName, Span columnSpan, Span newNameSpan)
      implements AlterTableAction {}

  /** RENAME CONSTRAINT a TO b. */
  record RenameConstraint(Span span, String name, String newName) implements AlterTableAction {}

  /** RENAME TO new_name. */
  record RenameTo(Span span, String newName, Span newNameSpan) implements AlterTableAction {}

  /** SET SCHEMA s. */
  record SetSchema(Span span, String schema) implements AlterTableAction {}

  /** OWNER TO role. */
  record OwnerTo(Span span, String owner) implements AlterTableAction {}

  /** SET (name = value, …) or RESET (name, …): storage parameters such as fillfactor or autovacuum_*. */
  record SetStorageParameters(Span span, List<String> parameters, boolean reset) implements AlterTableAction {
    public SetStorageParameters { parameters = List.copyOf(parameters); }
  }

  /** SET LOGGED / SET UNLOGGED. */
  record SetPersistence(Span span, boolean logged) implements AlterTableAction {}

  /** SET TABLESPACE t. */
  record SetTablespace(Span span, String tablespace) implements AlterTableAction {}

  /** SET ACCESS METHOD m. */
  record SetAccessMethod(Span span, String method) implements AlterTableAction {}

  /** ATTACH PARTITION p {FOR VALUES … | DEFAULT}; {@code bound} as written (null for ALTER INDEX … ATTACH PARTITION). */
  record AttachPartition(Span span, QualifiedName partition, String bound) implements AlterTableAction {}

  /** DETACH PARTITION p [CONCURRENTLY | FINALIZE]. */
  record DetachPartition(Span span, QualifiedName partition, boolean concurrently, boolean finalizeDetach)
      implements AlterTableAction {}

  /**
   * ENABLE [ALWAYS|REPLICA] / DISABLE TRIGGER {name|ALL|USER}; {@code trigger} is the name, {@code all}
   * or {@code user}; {@code mode} is null, ALWAYS or REPLICA.
   */
  record SetTrigger(Span span, boolean enable, String trigger, String mode) implements AlterTableAction {}

  /** ENABLE [ALWAYS|REPLICA] / DISABLE RULE name. */
  record SetRule(Span span, boolean enable, String rule, String mode) implements AlterTableAction {}

  /** ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY; {@code mode} is one of those four words. */
  record RowLevelSecurity(Span span, String mode) implements AlterTableAction {}

  /** REPLICA IDENTITY {DEFAULT|FULL|NOTHING|USING INDEX i}. */
  record ReplicaIdentity(Span span, String identity) implements AlterTableAction {}

  /** INHERIT parent / NO INHERIT parent. */
  record Inherit(Span span, QualifiedName parent, boolean inherit) implements AlterTableAction {}

  /** CLUSTER ON index / SET WITHOUT CLUSTER ({@code index} null). */
  record ClusterOn(Span span, String index) implements AlterTableAction {}

  /** Another action PostgreSQL accepts (OF type, NOT OF, SET WITHOUT OIDS, DEPENDS ON EXTENSION …), as written. */
  record OtherAction(Span span, String text) implements AlterTableAction {}
}
