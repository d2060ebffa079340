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

  /** Parsed into a typed node (not {@link Unrecognized}). */
  default boolean typed() {
    return !(this instanceof Unrecognized);
  }
}
