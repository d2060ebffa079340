package slipway.core.report;

import java.util.List;

/**
 * What the lock model says about one statement, in the JSON contract's terms (DESIGN.md section 3):
 * the locks as pg_locks would show them, rewrite/scan, which of reads and writes are blocked, and the
 * playbook's risk category. Supplied by the lock model; a reporter only prints it.
 */
public record StatementFacts(String kind, boolean transactional, List<Lock> locks, boolean rewrite, boolean scan,
    boolean blocksReads, boolean blocksWrites, int category) {
  public StatementFacts {
    locks = List.copyOf(locks);
  }

  /** The lock model's facts in the contract's terms; null for null. */
  public static StatementFacts of(slipway.core.lock.StatementFacts f) {
    if (f == null) return null;
    List<Lock> locks = new java.util.ArrayList<>();
    for (slipway.core.lock.LockedRelation l : f.locks()) locks.add(new Lock(l.relation(), l.mode().pgName()));
    return new StatementFacts(f.kind(), f.transactional(), locks, f.rewrite(), f.scan(), f.blocksReads(),
        f.blocksWrites(), f.category());
  }

  /** A relation and the strongest lock mode the statement takes on it ({@code AccessExclusiveLock}). */
  public record Lock(String relation, String mode) {}
}
