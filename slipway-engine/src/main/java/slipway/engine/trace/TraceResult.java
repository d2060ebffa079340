package slipway.engine.trace;

import java.util.List;
import slipway.core.lock.LockMode;

/** The traces of the statements of one migration, in order. */
public record TraceResult(String file, List<StatementTrace> statements) {
  public TraceResult {
    statements = List.copyOf(statements);
  }

  /** The strongest mode any statement held on {@code relation}, or null when none locked it. */
  public LockMode strongestLockOn(String relation) {
    LockMode strongest = null;
    for (StatementTrace s : statements) {
      LockMode mode = s.strongestLockOn(relation);
      if (mode != null) {
        strongest = mode.strongest(strongest);
      }
    }
    return strongest;
  }

  /** Did any statement replace the data file of {@code relation}? */
  public boolean rewrote(String relation) {
    return statements.stream().anyMatch(s -> s.rewrote(relation));
  }

  /** True when every statement that ran, ran inside a transaction block. */
  public boolean transactional() {
    return statements.stream().filter(StatementTrace::wasRun).allMatch(StatementTrace::transactional);
  }

  /** The only statement (for one-statement migrations, as lock facts are). */
  public StatementTrace only() {
    if (statements.size() != 1) {
      throw new IllegalStateException("expected one statement, the migration has " + statements.size());
    }
    return statements.get(0);
  }

  public StatementTrace statement(int index) {
    return statements.get(index);
  }
}
