package slipway.core.rule;

/** One {@code ADD [CONSTRAINT name] kind …} action of an ALTER TABLE. */
record AddConstraint(AlterTable.Action action, Statement.Name name, int kind, boolean notValid) {
  static AddConstraint of(AlterTable.Action a) {
    Statement s = a.s();
    if (!a.is("ADD")) return null;
    int k = a.from() + 1;
    Statement.Name name = null;
    if (s.matches(k, "CONSTRAINT")) {
      name = s.nameAt(k + 1);
      if (name == null) return null;
      k = name.end();
    }
    if (!(s.matches(k, "FOREIGN") || s.matches(k, "CHECK") || s.matches(k, "UNIQUE") || s.matches(k, "PRIMARY")
        || s.matches(k, "EXCLUDE"))) return null;
    return new AddConstraint(a, name, k, a.has("NOT", "VALID"));
  }

  String kindWord() {
    return action.s().word(kind);
  }

  /** The action text with NOT VALID appended (for FOREIGN KEY and CHECK). */
  String notValidText() {
    return action.text() + " NOT VALID";
  }
}
