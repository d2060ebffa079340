package slipway.core.rule;

import java.util.List;
import slipway.core.lock.LockMode;
import slipway.core.lock.LockedRelation;
import slipway.core.lock.StatementFacts;
import java.util.Set;
import java.util.regex.Pattern;
import slipway.core.sql.Span;
import slipway.core.sql.syntax.QualifiedName;

/** Writing SQL back in the user's names for the rules that read the typed syntax tree. */
final class SqlText {
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
  private static final Pattern PLACEHOLDER = Pattern.compile("(\\$\\{.*}|\\{\\{.*}}|:\\w+)");
  /** PostgreSQL's reserved key words (and those not allowed as column or table names). */
  private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
      "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create", "current_catalog",
      "current_date", "current_role", "current_time", "current_timestamp", "current_user", "default", "deferrable",
      "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group",
      "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp",
      "not", "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
      "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union", "unique",
      "user", "using", "variadic", "when", "where", "window", "with", "authorization", "binary", "collation",
      "concurrently", "cross", "current_schema", "freeze", "full", "ilike", "inner", "is", "isnull", "join", "left",
      "like", "natural", "notnull", "outer", "overlaps", "right", "similar", "tablesample", "verbose");

  private SqlText() {}

  /** An identifier as it must be written to mean {@code name}: quoted only when needed. */
  static String ident(String name) {
    if (name == null) return "";
    if (PLACEHOLDER.matcher(name).matches()) return name;
    if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) return name;
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String name(QualifiedName n) {
    return n.schema() == null ? ident(n.name()) : ident(n.schema()) + "." + ident(n.name());
  }

  static String idents(List<String> names) {
    StringBuilder b = new StringBuilder();
    for (String n : names) b.append(b.length() == 0 ? "" : ", ").append(ident(n));
    return b.toString();
  }

  /** The source text of a syntax-tree node of the context's statement. */
  static String text(Context c, Span node) {
    Span in = c.statement().inFile(node);
    int from = in.offset() - c.statement().span().offset();
    String t = c.statement().text();
    if (from < 0 || from + in.length() > t.length()) return t;
    return t.substring(from, from + in.length());
  }

  /** Joins non-empty SQL statements, each ended by a semicolon. */
  static String script(String... statements) {
    StringBuilder b = new StringBuilder();
    for (String s : statements) {
      if (s == null || s.isEmpty()) continue;
      if (b.length() > 0) b.append('\n');
      b.append(s);
      if (!s.startsWith("--")) b.append(';');
    }
    return b.toString();
  }

  /** " is locked ACCESS EXCLUSIVE (reads and writes wait)", the mode as the lock model's facts hold it on {@code relation}. */
  static String lockedAs(StatementFacts f, String relation) {
    LockMode mode = null;
    for (LockedRelation l : f.locks()) {
      String r = l.relation();
      if (r.equals(relation) || r.endsWith("." + relation)) mode = l.mode();
    }
    if (mode == null) return " is locked";
    String waits = mode.blocksReads() ? "reads and writes wait" : mode.blocksWrites() ? "writes wait" : "DDL waits";
    return " is locked " + modeName(mode) + " (" + waits + ")";
  }

  /** {@code ACCESS EXCLUSIVE}, as the documentation writes a lock mode. */
  static String modeName(LockMode mode) {
    return mode.pgName().replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
  }
}
