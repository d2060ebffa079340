package slipway.core.lock;

/** A relation a statement locks and the strongest mode it holds on it, named as the statement or catalog names it. */
public record LockedRelation(String relation, LockMode mode) {}
