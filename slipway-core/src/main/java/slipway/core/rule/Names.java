package slipway.core.rule;

/** Names Slipway invents in rewrites, following PostgreSQL's own {@code <table>_<column>_<suffix>} pattern. */
final class Names {
  private Names() {}

  static String constraint(String table, String column, String suffix) {
    String n = table + "_" + column + "_" + suffix;
    return n.length() > 63 ? n.substring(0, 63) : n;
  }

  static int afterIfExists(Statement s, int i) {
    return s.matches(i, "IF", "EXISTS") ? i + 2 : i;
  }

  static int afterIfNotExists(Statement s, int i) {
    return s.matches(i, "IF", "NOT", "EXISTS") ? i + 3 : i;
  }

  /** A comma-separated list of names starting at token {@code i} ({@code DROP TABLE a, b}). */
  static java.util.List<Statement.Name> list(Statement s, int i) {
    java.util.List<Statement.Name> out = new java.util.ArrayList<>();
    while (true) {
      Statement.Name n = s.nameAt(i);
      if (n == null) return out;
      out.add(n);
      if (s.token(n.end()) == null || !s.token(n.end()).isSymbol(",")) return out;
      i = n.end() + 1;
    }
  }
}
