package slipway.engine.trace;

import slipway.core.lock.LockMode;

/**
 * A relation a statement locked and the strongest mode it held on it, as {@code pg_locks} showed.
 *
 * @param relation the name, schema-qualified only when the schema is not on the search path
 * @param schema the relation's schema
 * @param kind table, partitioned table, index, partitioned index, sequence, view, materialized view,
 *     foreign table
 * @param mode the strongest mode held on it
 */
public record RelationLock(String relation, String schema, String kind, LockMode mode) {
  /** Does {@code name} ({@code orders} or {@code public.orders}) name this relation? */
  public boolean isOn(String name) {
    return relation.equals(name) || (schema + "." + Relation.unqualified(relation)).equals(name);
  }
}
