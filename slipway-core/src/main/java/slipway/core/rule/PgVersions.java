package slipway.core.rule;

/** The PostgreSQL majors a rule applies to, inclusive. */
public record PgVersions(int min, int max) {
  public static final PgVersions ALL = new PgVersions(9, 99);

  public static PgVersions from(int min) {
    return new PgVersions(min, 99);
  }

  public static PgVersions upTo(int max) {
    return new PgVersions(9, max);
  }

  public boolean contains(int major) {
    return major >= min && major <= max;
  }

  @Override
  public String toString() {
    if (this.equals(ALL)) return "all";
    if (max == 99) return min + "+";
    if (min == 9) return "up to " + max;
    return min + " to " + max;
  }
}
