package slipway.core.sql.syntax;

/**
 * How an expression behaves over a statement, as PostgreSQL's function volatility (pg_proc.provolatile):
 * a constant or immutable expression, a stable one (same value within a statement: now(),
 * current_timestamp), or a volatile one (a new value per row: nextval, random, gen_random_uuid,
 * clock_timestamp, or a function Slipway does not know, which PostgreSQL creates VOLATILE by default).
 */
public enum Volatility {
  CONSTANT, STABLE, VOLATILE;

  public Volatility max(Volatility other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
