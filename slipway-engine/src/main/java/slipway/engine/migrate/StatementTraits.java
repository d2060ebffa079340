package slipway.engine.migrate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import slipway.core.sql.SqlStatement;
import slipway.core.sql.Token;
import slipway.core.sql.TokenKind;

/**
 * What the runner must know about one statement, read from its tokens: may it run inside a
 * transaction block, does it get the concurrent budget, must its transaction end right after it,
 * which index it builds or drops, which names it mentions.
 *
 * <p>Not allowed in a transaction block (PostgreSQL docs of each command): CREATE INDEX
 * CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY (and REINDEX SCHEMA/DATABASE/SYSTEM),
 * ALTER TABLE … DETACH PARTITION … CONCURRENTLY, VACUUM, CREATE/DROP DATABASE, CREATE/DROP
 * TABLESPACE, ALTER SYSTEM, CREATE/DROP SUBSCRIPTION, and ALTER TYPE … ADD VALUE before
 * PostgreSQL 12. From 12 on ADD VALUE may run in a transaction but the new value cannot be used
 * until it commits, so its group ends right after it.
 *
 * @param indexName the index a CREATE INDEX CONCURRENTLY builds (as PostgreSQL stores the name), or null
 * @param table the table of CREATE INDEX CONCURRENTLY as written ({@code public.orders}), or null
 * @param dropIndex the index a DROP INDEX CONCURRENTLY drops, as written, or null
 * @param category the playbook's risk category (1 schema-only, 2 data, 3 structural); a local
 *     reading of the key words until the lock model's category is wired in
 */
record StatementTraits(Kind kind, boolean transactional, boolean concurrentBudget, boolean endsTransaction,
                       String indexName, String table, String dropIndex, int category, Set<String> names) {

  enum Kind {
    CREATE_INDEX_CONCURRENTLY, DROP_INDEX_CONCURRENTLY, REINDEX, DETACH_PARTITION_CONCURRENTLY, VACUUM,
    ADD_ENUM_VALUE, VALIDATE_CONSTRAINT, NOT_IN_TRANSACTION, TRANSACTION_CONTROL, PSQL_META, OTHER
  }

  static StatementTraits of(SqlStatement statement, String source, int major) {
    List<Token> t = statement.tokens();
    Set<String> names = new LinkedHashSet<>();
    for (Token token : t) {
      if ((token.kind() == TokenKind.IDENT || token.kind() == TokenKind.QUOTED_IDENT) && token.value() != null) {
        names.add(token.value());
      }
    }
    if (statement.psqlMetaCommand()) {
      return new StatementTraits(Kind.PSQL_META, true, false, false, null, null, null, 1, names);
    }
    String w0 = word(t, 0);
    String w1 = word(t, 1);
    int category = category(t);
    switch (w0) {
      case "begin": case "start": case "commit": case "end": case "rollback": case "abort": case "savepoint":
      case "release": case "prepare":
        if (!w0.equals("prepare") || "transaction".equals(w1)) {
          return new StatementTraits(Kind.TRANSACTION_CONTROL, true, false, false, null, null, null, 1, names);
        }
        break;
      case "vacuum":
        return new StatementTraits(Kind.VACUUM, false, false, false, null, null, null, 1, names);
      case "create": {
        int i = 1;
        if ("unique".equals(word(t, i))) {
          i++;
        }
        if ("index".equals(word(t, i)) && "concurrently".equals(word(t, i + 1))) {
          i += 2;
          if ("if".equals(word(t, i)) && "not".equals(word(t, i + 1)) && "exists".equals(word(t, i + 2))) {
            i += 3;
          }
          String name = null;
          if (!"on".equals(word(t, i)) && i < t.size()) {
            name = t.get(i).value();
            i++;
          }
          String table = null;
          if ("on".equals(word(t, i))) {
            i++;
            if ("only".equals(word(t, i))) {
              i++;
            }
            table = qualifiedName(t, i, source);
          }
          return new StatementTraits(Kind.CREATE_INDEX_CONCURRENTLY, false, true, false, name, table, null, 1, names);
        }
        if (w1.equals("database") || w1.equals("tablespace") || w1.equals("subscription")) {
          return new StatementTraits(Kind.NOT_IN_TRANSACTION, false, false, false, null, null, null, 1, names);
        }
        break;
      }
      case "drop":
        if (w1.equals("index") && "concurrently".equals(word(t, 2))) {
          int i = 3;
          if ("if".equals(word(t, i)) && "exists".equals(word(t, i + 1))) {
            i += 2;
          }
          return new StatementTraits(Kind.DROP_INDEX_CONCURRENTLY, false, true, false, null, null,
              qualifiedName(t, i, source), 1, names);
        }
        if (w1.equals("database") || w1.equals("tablespace") || w1.equals("subscription")) {
          return new StatementTraits(Kind.NOT_IN_TRANSACTION, false, false, false, null, null, null, 1, names);
        }
        break;
      case "reindex": {
        boolean concurrently = t.stream().anyMatch(x -> x.is("concurrently"));
        boolean wide = t.stream().anyMatch(x -> x.is("schema") || x.is("database") || x.is("system"));
        if (concurrently || wide) {
          return new StatementTraits(Kind.REINDEX, false, concurrently, false, null, null, null, 1, names);
        }
        break;
      }
      case "alter":
        if (w1.equals("system")) {
          return new StatementTraits(Kind.NOT_IN_TRANSACTION, false, false, false, null, null, null, 1, names);
        }
        if (w1.equals("type") && has(t, "add", "value")) {
          boolean inTransaction = major >= 12;
          return new StatementTraits(Kind.ADD_ENUM_VALUE, inTransaction, false, inTransaction, null, null, null, 1, names);
        }
        if (w1.equals("table")) {
          if (has(t, "detach", "partition") && t.get(t.size() - 1).is("concurrently")) {
            return new StatementTraits(Kind.DETACH_PARTITION_CONCURRENTLY, false, true, false, null, null, null, 3, names);
          }
          if (has(t, "validate", "constraint")) {
            return new StatementTraits(Kind.VALIDATE_CONSTRAINT, true, true, false, null, null, null, category, names);
          }
        }
        break;
      default:
        break;
    }
    return new StatementTraits(Kind.OTHER, true, false, false, null, null, null, category, names);
  }

  /** The playbook's categories, read from key words (3: type change, rename, drop, NOT NULL; 2: data). */
  private static int category(List<Token> t) {
    String w0 = word(t, 0);
    if (w0.equals("truncate") || (w0.equals("drop") && ("table".equals(word(t, 1)) || "column".equals(word(t, 1))))) {
      return 3;
    }
    if (w0.equals("alter") && "table".equals(word(t, 1))) {
      if (has(t, "rename") || has(t, "drop", "column") || has(t, "set", "not", "null") || has(t, "set", "data", "type")
          || hasTypeChange(t)) {
        return 3;
      }
      return 1;
    }
    if (w0.equals("update") || w0.equals("delete") || w0.equals("insert") || w0.equals("merge") || w0.equals("copy")) {
      return 2;
    }
    return 1;
  }

  /** {@code ALTER [COLUMN] c TYPE …}: a word "type" right after a column name after ALTER. */
  private static boolean hasTypeChange(List<Token> t) {
    for (int i = 2; i + 2 < t.size(); i++) {
      if (t.get(i).is("alter")) {
        int j = t.get(i + 1).is("column") ? i + 2 : i + 1;
        if (j + 1 < t.size() && t.get(j + 1).is("type")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean has(List<Token> t, String... words) {
    outer:
    for (int i = 0; i + words.length <= t.size(); i++) {
      for (int k = 0; k < words.length; k++) {
        if (!t.get(i + k).is(words[k])) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** The unquoted key word at {@code i} (lower case), or "" past the end or for other tokens. */
  private static String word(List<Token> t, int i) {
    return i < t.size() && t.get(i).kind() == TokenKind.IDENT ? t.get(i).value() : "";
  }

  /** {@code a.b.c} from token {@code i} on, as written in the source; null when no name is there. */
  private static String qualifiedName(List<Token> t, int i, String source) {
    if (i >= t.size() || !(t.get(i).kind() == TokenKind.IDENT || t.get(i).kind() == TokenKind.QUOTED_IDENT)) {
      return null;
    }
    int end = i;
    while (end + 2 < t.size() && t.get(end + 1).isSymbol(".")
        && (t.get(end + 2).kind() == TokenKind.IDENT || t.get(end + 2).kind() == TokenKind.QUOTED_IDENT)) {
      end += 2;
    }
    return source.substring(t.get(i).start(), t.get(end).end());
  }
}
