package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import slipway.core.lock.StatementFacts;
import slipway.core.sql.Span;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.ColumnDef;
import slipway.core.sql.syntax.Constraint;
import slipway.core.sql.syntax.CreateTable;
import slipway.core.sql.syntax.QualifiedName;

/**
 * How the rules read ALTER TABLE and column definitions: from the statement's typed syntax tree
 * ({@link slipway.core.sql.Parser}), quoting names and types as the user wrote them (from the nodes' spans).
 */
final class TableSyntax {
  private TableSyntax() {}

  /** The statement's ALTER TABLE (not ALTER INDEX, VIEW, MATERIALIZED VIEW or FOREIGN TABLE), or null. */
  static AlterTable alterTable(Statement s) {
    return s.syntax() instanceof AlterTable at && at.objectType().equals("TABLE") ? at : null;
  }

  static AlterTable alterTable(Context c) {
    return alterTable(c.statement());
  }

  /** The altered table's name as the user wrote it ({@code public."Orders"}). */
  static String table(Statement s, AlterTable at) {
    return s.textOf(at.tableSpan());
  }

  /** The lock model's facts for one action of the ALTER TABLE as if it were the statement's only action. */
  static StatementFacts facts(Context c, AlterTable at, AlterTableAction a) {
    return c.factsOf(table(c.statement(), at), c.statement().textOf(a.span()), at.actions().size());
  }

  /** A new column: a column of CREATE TABLE, or of ALTER TABLE … ADD COLUMN ({@code action} then set). */
  record NewColumn(QualifiedName table, ColumnDef def, AlterTableAction.AddColumn action) {}

  /** Every column definition of a CREATE TABLE or of the ADD COLUMN actions of an ALTER TABLE. */
  static List<NewColumn> newColumns(Statement s) {
    List<NewColumn> out = new ArrayList<>();
    if (s.syntax() instanceof CreateTable ct) {
      for (ColumnDef d : ct.columns()) if (d.type() != null) out.add(new NewColumn(ct.table(), d, null));
    } else {
      AlterTable at = alterTable(s);
      if (at == null) return out;
      for (AlterTableAction a : at.actions()) {
        if (a instanceof AlterTableAction.AddColumn add) out.add(new NewColumn(at.table(), add.definition(), add));
      }
    }
    return out;
  }

  /** The column's name as written. */
  static String name(Statement s, ColumnDef d) {
    return s.textOf(d.nameSpan());
  }

  /**
   * A type as written, lower case with single spaces and no spaces inside parentheses
   * ({@code VARCHAR (50)} is {@code varchar(50)}), for messages and rewrites.
   */
  static String type(Statement s, Span typeSpan) {
    return normalType(s.textOf(typeSpan));
  }

  /**
   * {@link #type}'s normal form of a type's text: lower case, each run of white space one space, none
   * before {@code ( ) , [ ]} or after {@code ( ,}. (One pass: five style rules ask it for every new column.)
   */
  static String normalType(String written) {
    String t = written.toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(t.length());
    int n = t.length();
    for (int i = 0; i < n; i++) {
      char ch = t.charAt(i);
      if (!isSpace(ch)) {
        b.append(ch);
        continue;
      }
      while (i + 1 < n && isSpace(t.charAt(i + 1))) i++;
      char next = i + 1 < n ? t.charAt(i + 1) : 0;
      char prev = b.length() > 0 ? b.charAt(b.length() - 1) : 0;
      boolean beforePunct = next == '(' || next == ')' || next == ',' || next == '[' || next == ']';
      if (!beforePunct && prev != '(' && prev != ',') b.append(' ');
    }
    return b.toString();
  }

  /** White space as a regular expression's \\s: space, tab, new line, vertical tab, form feed, carriage return. */
  private static boolean isSpace(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == 0x0B || ch == '\f' || ch == '\r';
  }

  /** The first word of a {@link #type} without its schema: {@code varchar}, {@code int4}, {@code timestamp}. */
  static String baseType(String type) {
    int paren = type.indexOf('(');
    int dot = type.lastIndexOf('.', paren < 0 ? type.length() : paren);
    String t = dot >= 0 ? type.substring(dot + 1) : type;
    int end = 0;
    while (end < t.length() && (Character.isLetterOrDigit(t.charAt(end)) || t.charAt(end) == '_')) end++;
    return t.substring(0, end);
  }

  /** The text of a column definition after its type (constraints, default) as written, or "". */
  static String afterType(Statement s, ColumnDef d) {
    Span def = d.span();
    int from = d.typeSpan().end();
    if (def.end() <= from) return "";
    return s.textOf(new Span(def.file(), def.line(), def.column(), from, def.end() - from)).strip();
  }

  /** The first column constraint of a kind, or null. */
  static Constraint constraint(ColumnDef d, Constraint.ConstraintKind kind) {
    for (Constraint k : d.constraints()) if (k.kind() == kind) return k;
    return null;
  }
}
