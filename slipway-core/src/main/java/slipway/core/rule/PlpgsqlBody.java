package slipway.core.rule;

/** The body of a DO block (its dollar-quoted or quoted string) as a statement the rules can read. */
final class PlpgsqlBody {
  private PlpgsqlBody() {}

  /** The body of {@code DO [LANGUAGE x] '…'}, or null when the statement is not a DO block. */
  static Statement of(Statement s) {
    if (!s.startsWith("DO")) return null;
    return s.memo("do-body", () -> {
      for (Token t : s.tokens()) {
        if (t.kind() == Token.Kind.DOLLAR_STRING || t.kind() == Token.Kind.STRING) return new Statement(s.span(), t.body());
      }
      return null;
    });
  }

  /** True when the body runs an UPDATE … SET or a DELETE FROM (not ON UPDATE/ON DELETE of a foreign key). */
  static boolean writesRows(Statement body) {
    if (body == null) return false;
    for (int i = 0; i < body.size(); i++) {
      Token t = body.token(i);
      Token before = body.token(i - 1);
      boolean referentialAction = before != null && before.isWord("ON");
      if (referentialAction) continue;
      if (t.isWord("DELETE") && body.matches(i + 1, "FROM")) return true;
      if (t.isWord("UPDATE") && body.token(i + 1) != null && body.token(i + 1).isIdentifier()) {
        for (int j = i + 2; j < Math.min(body.size(), i + 8); j++) if (body.token(j).isWord("SET")) return true;
      }
    }
    return false;
  }
}
