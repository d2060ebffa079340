package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/**
 * One parsed statement. {@link #kind()} is the upper-case kind used as the JSON {@code kind}
 * ({@code ALTER_TABLE}, {@code CREATE_INDEX}, {@code DROP_TABLE}, {@code SET}, …).
 */
public sealed interface Statement permits AlterSequence, AlterTable, AlterType, Cluster, CommentOn, Copy,
    CreateExtension, CreateFunction, CreateIndex, CreateSchema, CreateSequence, CreateTable, CreateTrigger,
    CreateType, CreateView, Delete, DoBlock, Drop, Grant, Insert, LockTable, Merge, OtherCommand,
    PsqlMetaCommand, RefreshMaterializedView, Reindex, ResetVariable, Select, SetVariable,
    TransactionControl, Truncate, Unrecognized, Update, Vacuum {
  Span span();

  String kind();

  /**
   * The object the statement is about, when it names one: the table of ALTER TABLE, CREATE INDEX,
   * INSERT/UPDATE/DELETE, COPY, CREATE TRIGGER; the (first) object of DROP, TRUNCATE, LOCK, VACUUM;
   * the created or altered object otherwise; null when there is none.
   */
  default QualifiedName objectName() {
    return null;
  }

  /** Parsed into a typed node (not {@link Unrecognized}). */
  default boolean typed() {
    return !(this instanceof Unrecognized);
  }
}
