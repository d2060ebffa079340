package slipway.core.lock;

import java.util.List;

/**
 * What one statement does on a PostgreSQL major, against the schema as it stands (see docs/lock-model.md).
 *
 * @param kind the statement's kind, e.g. {@code ALTER_TABLE}, {@code CREATE_INDEX}, {@code UPDATE}
 * @param locks every existing relation it locks, strongest mode each, in the order first locked
 * @param rewrite whether it rewrites a table (a new data file; every index is rebuilt)
 * @param scan whether it reads the whole table while holding its lock
 * @param transactional whether it may run inside a transaction block
 * @param blocksReads whether a lock it holds conflicts with plain SELECT (ACCESS SHARE)
 * @param blocksWrites whether a lock it holds conflicts with INSERT/UPDATE/DELETE (ROW EXCLUSIVE)
 * @param category the playbook's risk category: 1 schema-only, 2 data backfill, 3 structural change
 * @param facts the ids of the {@link LockFacts} rows this classification used
 * @param tables the tables whose size makes it slower (rewritten or scanned), for estimates
 */
public record StatementFacts(String kind, List<LockedRelation> locks, boolean rewrite, boolean scan,
    boolean transactional, boolean blocksReads, boolean blocksWrites, int category, List<String> facts,
    List<String> tables) {
  public StatementFacts {
    locks = List.copyOf(locks);
    facts = List.copyOf(facts);
    tables = List.copyOf(tables);
  }

  /** The mode held on a relation (as named in {@link #locks()}), or null. */
  public LockMode modeOn(String relation) {
    for (LockedRelation l : locks) {
      if (l.relation().equals(relation)) {
        return l.mode();
      }
    }
    return null;
  }
}
