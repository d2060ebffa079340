package slipway.engine.migrate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import slipway.core.sql.Parser;
import slipway.core.sql.SqlStatement;
import slipway.core.sql.Token;
import slipway.core.sql.TokenKind;
import slipway.core.sql.Transactions;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.AlterType;
import slipway.core.sql.syntax.Copy;
import slipway.core.sql.syntax.CreateIndex;
import slipway.core.sql.syntax.Delete;
import slipway.core.sql.syntax.Drop;
import slipway.core.sql.syntax.Insert;
import slipway.core.sql.syntax.Merge;
import slipway.core.sql.syntax.PsqlMetaCommand;
import slipway.core.sql.syntax.QualifiedName;
import slipway.core.sql.syntax.Reindex;
import slipway.core.sql.syntax.Statement;
import slipway.core.sql.syntax.TransactionControl;
import slipway.core.sql.syntax.Truncate;
import slipway.core.sql.syntax.Update;
import slipway.core.sql.syntax.Vacuum;
import slipway.engine.postgres.Identifiers;

/**
 * What the runner must know about one statement, read from its syntax tree ({@link Parser}): may it run inside a
 * transaction block, does it get the concurrent budget, must its transaction end right after it,
 * which index it builds or drops, which names it mentions.
 *
 * <p>Whether it may run in a transaction block is {@link Transactions#mayRunInTransactionBlock}'s
 * answer (CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM, … run on their own); from
 * PostgreSQL 12 ALTER TYPE … ADD VALUE may run in a transaction but the new value cannot be used
 * until it commits ({@link Transactions#usableOnlyAfterCommit}), so its group ends right after it.
 *
 * @param indexName the index a CREATE INDEX CONCURRENTLY builds (as PostgreSQL stores the name), or null
 * @param table the table of CREATE INDEX CONCURRENTLY, quoted ({@code "public"."orders"}), or null
 * @param dropIndex the index a DROP INDEX CONCURRENTLY drops, quoted, or null
 * @param category the playbook's risk category (1 schema-only, 2 data, 3 structural), read from the
 *     syntax tree until the lock model's category is wired in
 */
record StatementTraits(Kind kind, boolean transactional, boolean concurrentBudget, boolean endsTransaction,
                       String indexName, String table, String dropIndex, int category, Set<String> names) {

  enum Kind {
    CREATE_INDEX_CONCURRENTLY, DROP_INDEX_CONCURRENTLY, REINDEX, DETACH_PARTITION_CONCURRENTLY, VACUUM,
    ADD_ENUM_VALUE, VALIDATE_CONSTRAINT, NOT_IN_TRANSACTION, TRANSACTION_CONTROL, PSQL_META, OTHER
  }

  static StatementTraits of(SqlStatement statement, int major) {
    List<Token> t = statement.tokens();
    Set<String> names = new LinkedHashSet<>();
    for (Token token : t) {
      if ((token.kind() == TokenKind.IDENT || token.kind() == TokenKind.QUOTED_IDENT) && token.value() != null) {
        names.add(token.value());
      }
    }
    Statement syntax = Parser.parse(statement);
    int category = category(syntax);
    if (syntax instanceof PsqlMetaCommand) {
      return new StatementTraits(Kind.PSQL_META, true, false, false, null, null, null, 1, names);
    }
    if (syntax instanceof TransactionControl) {
      return new StatementTraits(Kind.TRANSACTION_CONTROL, true, false, false, null, null, null, 1, names);
    }
    // Whether it may run in a transaction block, and whether its group must end right after it, is
    // the one predicate's answer (slipway.core.sql.Transactions); the kinds below name it for output.
    boolean transactional = Transactions.mayRunInTransactionBlock(syntax, major);
    boolean endsTransaction = transactional && Transactions.usableOnlyAfterCommit(syntax, major);
    if (syntax instanceof CreateIndex ci && ci.concurrently()) {
      return new StatementTraits(Kind.CREATE_INDEX_CONCURRENTLY, transactional, true, false,
          ci.name() == null ? null : ci.name().name(), qualified(ci.table()), null, 1, names);
    }
    if (syntax instanceof Drop d && d.concurrently() && d.objectType().equalsIgnoreCase("index")) {
      return new StatementTraits(Kind.DROP_INDEX_CONCURRENTLY, transactional, true, false, null, null,
          d.names().isEmpty() ? null : qualified(d.names().get(0)), 1, names);
    }
    if (syntax instanceof Reindex r && !transactional) {
      return new StatementTraits(Kind.REINDEX, false, r.concurrently(), false, null, null, null, 1, names);
    }
    if (syntax instanceof Vacuum && !transactional) {
      return new StatementTraits(Kind.VACUUM, false, false, false, null, null, null, 1, names);
    }
    if (syntax instanceof AlterType at && "ADD_VALUE".equals(at.action())) {
      return new StatementTraits(Kind.ADD_ENUM_VALUE, transactional, false, endsTransaction, null, null, null, 1, names);
    }
    if (syntax instanceof AlterTable at) {
      for (AlterTableAction action : at.actions()) {
        if (action instanceof AlterTableAction.DetachPartition dp && dp.concurrently()) {
          return new StatementTraits(Kind.DETACH_PARTITION_CONCURRENTLY, transactional, true, false, null, null, null, 3, names);
        }
      }
      for (AlterTableAction action : at.actions()) {
        if (action instanceof AlterTableAction.ValidateConstraint) {
          return new StatementTraits(Kind.VALIDATE_CONSTRAINT, transactional, true, false, null, null, null, category, names);
        }
      }
    }
    if (!transactional) {
      return new StatementTraits(Kind.NOT_IN_TRANSACTION, false, false, false, null, null, null, 1, names);
    }
    return new StatementTraits(Kind.OTHER, true, false, endsTransaction, null, null, null, category, names);
  }

  /** A parsed name as SQL text for to_regclass: each part quoted (the parser already folded case). */
  private static String qualified(QualifiedName name) {
    return name == null ? null : Identifiers.qualified(name.schema(), name.name());
  }

  /** The playbook's categories (3: type change, rename, drop, NOT NULL, truncate; 2: data changes; else 1). */
  private static int category(Statement syntax) {
    if (syntax instanceof Truncate) {
      return 3;
    }
    if (syntax instanceof Drop d && (d.objectType().equalsIgnoreCase("table") || d.objectType().equalsIgnoreCase("column"))) {
      return 3;
    }
    if (syntax instanceof AlterTable at) {
      for (AlterTableAction a : at.actions()) {
        if (a instanceof AlterTableAction.AlterColumnType || a instanceof AlterTableAction.RenameColumn
            || a instanceof AlterTableAction.RenameTo || a instanceof AlterTableAction.DropColumn
            || a instanceof AlterTableAction.SetNotNull) {
          return 3;
        }
      }
      return 1;
    }
    if (syntax instanceof Update || syntax instanceof Delete || syntax instanceof Insert || syntax instanceof Merge
        || syntax instanceof Copy) {
      return 2;
    }
    return 1;
  }
}
