package slipway.core.rule;

/** Names Slipway invents in rewrites, following PostgreSQL's own {@code <table>_<column>_<suffix>} pattern. */
final class Names {
  private Names() {}

  static String constraint(String table, String column, String suffix) {
    String n = table + "_" + column + "_" + suffix;
    return n.length() > 63 ? n.substring(0, 63) : n;
  }
}
