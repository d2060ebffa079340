package slipway.core.rule;

/** A {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table …} statement. */
record CreateIndex(Statement s, boolean unique, boolean concurrently, int indexKeyword, Statement.Name name,
    Statement.Name table, boolean only) {

  static CreateIndex of(Statement s) {
    return s.memo("index", () -> parse(s));
  }

  private static CreateIndex parse(Statement s) {
    if (!s.startsWith("CREATE")) return null;
    int i = 1;
    boolean unique = false;
    if (s.matches(i, "UNIQUE")) { unique = true; i++; }
    if (!s.matches(i, "INDEX")) return null;
    int kw = i++;
    boolean conc = false;
    if (s.matches(i, "CONCURRENTLY")) { conc = true; i++; }
    i = Names.afterIfNotExists(s, i);
    Statement.Name name = s.matches(i, "ON") ? null : s.nameAt(i);
    int on = s.find(i, "ON");
    if (on < 0) return null;
    int t = on + 1;
    boolean only = false;
    if (s.matches(t, "ONLY")) { only = true; t++; }
    Statement.Name table = s.nameAt(t);
    if (table == null) return null;
    return new CreateIndex(s, unique, conc, kw, name, table, only);
  }
}
