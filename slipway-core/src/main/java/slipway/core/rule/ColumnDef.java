package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A column definition in CREATE TABLE (…) or ALTER TABLE … ADD COLUMN: name, type text, constraints. */
record ColumnDef(Statement s, int name, int typeFrom, int typeTo, int to, Statement.Name table, boolean inCreateTable) {
  private static final Set<String> TABLE_CONSTRAINTS =
      Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "LIKE");

  String columnName() { return s.token(name).name(); }

  String columnRaw() { return s.token(name).text(); }

  /** The type as written, lower case with single spaces: {@code character varying(50)}. */
  String type() {
    StringBuilder b = new StringBuilder();
    for (int i = typeFrom; i < typeTo; i++) {
      Token t = s.token(i);
      boolean glue = b.length() == 0 || t.isSymbol("(") || t.isSymbol(")") || t.isSymbol(",")
          || s.token(i - 1).isSymbol("(") || s.token(i - 1).isSymbol(",") || t.isSymbol("[") || t.isSymbol("]");
      if (!glue) b.append(' ');
      b.append(t.text().toLowerCase(Locale.ROOT));
    }
    return b.toString();
  }

  /** The first word of the type, lower case, without schema: {@code varchar}, {@code timestamp}. */
  String baseType() {
    String t = type();
    int dot = t.lastIndexOf('.', t.indexOf('(') < 0 ? t.length() : t.indexOf('('));
    if (dot >= 0) t = t.substring(dot + 1);
    int end = 0;
    while (end < t.length() && (Character.isLetterOrDigit(t.charAt(end)) || t.charAt(end) == '_')) end++;
    return t.substring(0, end);
  }

  boolean has(String... words) { return s.find(typeTo, to, words) >= 0; }

  int find(String... words) { return s.find(typeTo, to, words); }

  slipway.core.sql.Span span() { return s.spanOf(name, to); }

  /** Every column definition in the statement (CREATE TABLE or ALTER TABLE … ADD). */
  static List<ColumnDef> in(Statement s) {
    return s.memo("columns", () -> parse(s));
  }

  private static List<ColumnDef> parse(Statement s) {
    List<ColumnDef> out = new ArrayList<>();
    if (s.startsWith("CREATE")) {
      int t = s.find(1, "TABLE");
      if (t < 0 || t > 4) return out;
      Statement.Name name = s.nameAt(Names.afterIfNotExists(s, t + 1));
      if (name == null || s.token(name.end()) == null || !s.token(name.end()).isSymbol("(")) return out;
      int close = s.closeParen(name.end());
      for (int[] p : s.splitCommas(name.end() + 1, close - 1)) {
        Token first = s.token(p[0]);
        if (first == null || !first.isIdentifier()) continue;
        if (first.kind() == Token.Kind.WORD && TABLE_CONSTRAINTS.contains(first.upper())) continue;
        out.add(def(s, p[0], p[1], name, true));
      }
    } else {
      AlterTable at = AlterTable.of(s);
      if (at == null) return out;
      for (AlterTable.Action a : at.actions()) {
        int c = a.addedColumn();
        if (c >= 0) out.add(def(s, c, a.to(), at.table(), false));
      }
    }
    return out;
  }

  private static ColumnDef def(Statement s, int name, int to, Statement.Name table, boolean create) {
    int end = name + 1;
    while (end < to && !Context.endsColumnType(s.token(end))) end++;
    return new ColumnDef(s, name, name + 1, end, to, table, create);
  }
}
