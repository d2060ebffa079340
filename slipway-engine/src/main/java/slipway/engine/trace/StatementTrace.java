package slipway.engine.trace;

import java.util.List;
import slipway.core.lock.LockMode;

/**
 * What one statement did on the server.
 *
 * @param file the migration file (or the name given to the library call)
 * @param line 1-based line of the statement's first token
 * @param column 1-based column of the statement's first token
 * @param sql the statement's text without the terminating {@code ;}
 * @param transactional true when it ran inside a transaction block; false when it had to run on its
 *     own (CREATE INDEX CONCURRENTLY, VACUUM, …) and its locks were sampled from a second connection
 * @param locks each existing relation it locked, strongest mode per relation; relations the
 *     statement created are left out
 * @param rewritten existing relations (tables, indexes) whose data file changed (new relfilenode)
 * @param rewrite true when a table (not only an index) was rewritten
 * @param durationMs wall time of the statement on the server, in milliseconds
 * @param skipped why the statement was not run (transaction control, psql meta-command, a
 *     non-transactional statement that could not be rolled back), else null
 */
public record StatementTrace(String file, int line, int column, String sql, boolean transactional,
    List<RelationLock> locks, List<String> rewritten, boolean rewrite, double durationMs, String skipped) {
  public StatementTrace {
    locks = List.copyOf(locks);
    rewritten = List.copyOf(rewritten);
  }

  /** The strongest mode held on {@code relation} ({@code t} or {@code public.t}), or null. */
  public LockMode strongestLockOn(String relation) {
    LockMode strongest = null;
    for (RelationLock lock : locks) {
      if (lock.isOn(relation)) {
        strongest = lock.mode().strongest(strongest);
      }
    }
    return strongest;
  }

  /** Was the data file of {@code relation} replaced (table or index rewritten)? */
  public boolean rewrote(String relation) {
    return rewritten.stream().anyMatch(r -> r.equals(relation) || r.endsWith("." + relation)
        || relation.endsWith("." + r));
  }

  public boolean wasRun() {
    return skipped == null;
  }

  /** {@code file:line:col}. */
  public String where() {
    return file + ":" + line + ":" + column;
  }
}
