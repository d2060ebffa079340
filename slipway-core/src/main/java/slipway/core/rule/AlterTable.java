package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;

/** An {@code ALTER TABLE [IF EXISTS] [ONLY] name action, action…} statement split into its actions. */
record AlterTable(Statement statement, Statement.Name table, List<Action> actions) {

  /** One action: token range [from, to) in the statement. */
  record Action(Statement s, int from, int to) {
    boolean is(String... words) {
      return s.matches(from, words);
    }

    int find(String... words) {
      return s.find(from, to, words);
    }

    boolean has(String... words) {
      return find(words) >= 0;
    }

    String text() {
      return s.textOf(from, to);
    }

    slipway.core.sql.Span span() {
      return s.spanOf(from, to);
    }

    /** For ADD [COLUMN] [IF NOT EXISTS] col …: the index of the column name, else -1. */
    int addedColumn() {
      if (!is("ADD")) return -1;
      int k = from + 1;
      if (s.matches(k, "CONSTRAINT") || s.matches(k, "PRIMARY") || s.matches(k, "UNIQUE")
          || s.matches(k, "FOREIGN") || s.matches(k, "CHECK") || s.matches(k, "EXCLUDE")) return -1;
      if (s.matches(k, "COLUMN")) k++;
      k = Names.afterIfNotExists(s, k);
      return k < to ? k : -1;
    }

    /** For ALTER [COLUMN] col …: the index of the column name, else -1. */
    int alteredColumn() {
      if (!is("ALTER")) return -1;
      int k = s.matches(from + 1, "COLUMN") ? from + 2 : from + 1;
      return k < to ? k : -1;
    }
  }

  static AlterTable of(Statement s) {
    return s.memo("alter", () -> parse(s));
  }

  private static AlterTable parse(Statement s) {
    if (!s.startsWith("ALTER", "TABLE")) return null;
    int i = Names.afterIfExists(s, 2);
    if (s.matches(i, "ONLY")) i++;
    Statement.Name name = s.nameAt(i);
    if (name == null) return null;
    List<Action> actions = new ArrayList<>();
    for (int[] r : s.splitCommas(name.end(), s.size())) actions.add(new Action(s, r[0], r[1]));
    return new AlterTable(s, name, actions);
  }
}
