package slipway.core.rule;

import java.util.Set;

/** UPDATE / DELETE statements (and WITH … UPDATE/DELETE) as data changes on a table. */
record DataChange(String verb, Statement.Name table, int where, Statement s) {
  private static final Set<String> KEYISH = Set.of("id", "uuid", "key", "pk", "k", "name", "slug", "code", "email",
      "username", "handle");

  static DataChange of(Statement s) {
    return s.memo("data", () -> parse(s));
  }

  private static DataChange parse(Statement s) {
    int i = 0;
    if (s.startsWith("WITH")) {
      i = firstTopLevelVerb(s);
      if (i < 0) return null;
    }
    if (s.matches(i, "UPDATE")) {
      int t = s.matches(i + 1, "ONLY") ? i + 2 : i + 1;
      Statement.Name n = s.nameAt(t);
      return n == null ? null : new DataChange("UPDATE", n, s.find(t, "WHERE"), s);
    }
    if (s.matches(i, "DELETE", "FROM")) {
      int t = s.matches(i + 2, "ONLY") ? i + 3 : i + 2;
      Statement.Name n = s.nameAt(t);
      return n == null ? null : new DataChange("DELETE", n, s.find(t, "WHERE"), s);
    }
    return null;
  }

  private static int firstTopLevelVerb(Statement s) {
    int u = s.find(1, "UPDATE");
    int d = s.find(1, "DELETE", "FROM");
    if (u < 0) return d;
    if (d < 0) return u;
    return Math.min(u, d);
  }

  /**
   * True when the WHERE clause bounds the change to a known, small set of rows: a key compared with
   * constants (id = 5, id IN (1, 2), id BETWEEN 1 AND 5000), or a subquery with LIMIT (a batch).
   */
  boolean bounded() {
    if (where < 0) return false;
    // OR at the top of the WHERE clause widens whatever the other side bounds.
    if (s.find(where + 1, "OR") >= 0) return s.findAnywhere(where + 1, "LIMIT") >= 0;
    for (int i = where + 1; i < s.size(); i++) {
      Token t = s.token(i);
      if (t.isWord("LIMIT")) return true;
      if (!t.isIdentifier() || t.kind() == Token.Kind.WORD && isKeyword(t)) continue;
      String name = t.name();
      Token op = s.token(i + 1);
      if (op == null) continue;
      // A key-like column (id, *_id, key, name, slug, code…) equal to constants picks out a few rows
      // (WHERE k = 'scan_all_policy', WHERE id = 42); WHERE status = 'pending' may match millions.
      boolean key = KEYISH.contains(name) || name.endsWith("_id") || name.endsWith("_key") || name.endsWith("_uuid")
          || name.endsWith("_name") || name.endsWith("_code");
      if (!key) continue;
      if (op.isSymbol("=") && constant(s.token(i + 2)) && !s.token(i + 2).isSymbol("-")) return true;
      if (op.isWord("IN") && s.token(i + 2) != null && s.token(i + 2).isSymbol("(") && constant(s.token(i + 3))) return true;
      if (op.isWord("BETWEEN") && constant(s.token(i + 2))) return true;
      if ((op.isSymbol("<") || op.isSymbol("<=")) && constant(s.token(i + 2))) return true;
    }
    return false;
  }

  private static boolean isKeyword(Token t) {
    return Set.of("AND", "OR", "NOT", "IN", "IS", "NULL", "WHERE", "SELECT", "FROM", "EXISTS").contains(t.upper());
  }

  private static boolean constant(Token t) {
    if (t == null) return false;
    return t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.PARAM
        || t.kind() == Token.Kind.PLACEHOLDER || t.isSymbol("?") || t.isSymbol(":") || t.isSymbol("-");
  }
}
