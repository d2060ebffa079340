package slipway.core.report;

import java.io.PrintWriter;
import java.util.Locale;
import slipway.core.rule.Finding;
import slipway.core.rule.Severity;
import slipway.core.rule.Statement;

/** {@code --format json}: the contract in DESIGN.md section 3. */
public final class JsonReport {
  private JsonReport() {}

  public static void write(LintReport r, PrintWriter out) {
    StringBuilder b = new StringBuilder(4096);
    b.append("{\n  \"tool\": \"slipway\", \"version\": ").append(JsonReport.str(r.version()))
        .append(", \"pgVersion\": ").append(r.pgVersion()).append(",\n  \"migrations\": [");
    boolean firstFile = true;
    for (LintReport.FileReport f : r.files()) {
      b.append(firstFile ? "\n" : ",\n");
      firstFile = false;
      b.append("    { \"file\": ").append(JsonReport.str(f.file())).append(", \"version\": ")
          .append(JsonReport.str(f.migrationVersion())).append(",\n      \"statements\": [");
      boolean firstSt = true;
      for (LintReport.StatementReport st : f.statements()) {
        b.append(firstSt ? "\n" : ",\n");
        firstSt = false;
        statement(b, st);
      }
      b.append(firstSt ? "] }" : "\n      ] }");
    }
    b.append(firstFile ? "],\n" : "\n  ],\n");
    b.append("  \"summary\": { \"files\": ").append(r.files().size()).append(", \"statements\": ")
        .append(r.statementCount()).append(", \"errors\": ").append(r.count(Severity.ERROR))
        .append(", \"warnings\": ").append(r.count(Severity.WARNING)).append(", \"infos\": ")
        .append(r.count(Severity.INFO)).append(" }\n}\n");
    out.print(b);
    out.flush();
  }

  private static void statement(StringBuilder b, LintReport.StatementReport st) {
    Statement s = st.statement();
    StatementFacts f = st.facts();
    b.append("        { \"line\": ").append(s.span().line()).append(", \"column\": ").append(s.span().column())
        .append(", \"sql\": ").append(JsonReport.str(s.text())).append(", \"kind\": ")
        .append(JsonReport.str(f != null ? f.kind() : kind(s)));
    if (f != null) {
      b.append(",\n          \"transactional\": ").append(f.transactional()).append(", \"locks\": [");
      for (int i = 0; i < f.locks().size(); i++) {
        if (i > 0) b.append(", ");
        b.append("{ \"relation\": ").append(JsonReport.str(f.locks().get(i).relation())).append(", \"mode\": ")
            .append(JsonReport.str(f.locks().get(i).mode())).append(" }");
      }
      b.append("], \"rewrite\": ").append(f.rewrite()).append(", \"scan\": ").append(f.scan())
          .append(", \"blocksReads\": ").append(f.blocksReads()).append(", \"blocksWrites\": ").append(f.blocksWrites())
          .append(", \"category\": ").append(f.category());
    }
    b.append(",\n          \"estimatedLockSeconds\": ").append(JsonReport.num(st.estimatedLockSeconds()))
        .append(",\n          \"findings\": [");
    boolean first = true;
    for (Finding x : st.findings()) {
      b.append(first ? "\n" : ",\n");
      first = false;
      b.append("            { \"rule\": ").append(JsonReport.str(x.rule().id())).append(", \"severity\": ")
          .append(JsonReport.str(x.severity().label())).append(", \"line\": ").append(x.span().line())
          .append(", \"column\": ").append(x.span().column()).append(", \"message\": ").append(JsonReport.str(x.message()))
          .append(", \"fix\": ").append(JsonReport.str(x.instead())).append(", \"autofix\": ")
          .append(x.fix() != null).append(", \"doc\": ").append(JsonReport.str(x.rule().docPath())).append(" }");
    }
    b.append(first ? "] }" : "\n          ] }");
  }

  /** A JSON string, or null. */
  static String str(String s) {
    return s == null ? "null" : Json.quote(s);
  }

  static String num(Double d) {
    if (d == null) return "null";
    if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
    return String.format(Locale.ROOT, "%.1f", d);
  }

  /** The statement's kind in the contract's style (ALTER_TABLE, CREATE_INDEX) from its leading words. */
  static String kind(Statement s) {
    StringBuilder k = new StringBuilder();
    int words = 0;
    for (int i = 0; i < s.size() && words < 3; i++) {
      String w = s.word(i);
      if (w.isEmpty() || !Character.isLetter(w.charAt(0))) break;
      if (words > 0 && !java.util.Set.of("TABLE", "INDEX", "VIEW", "MATERIALIZED", "UNIQUE", "TYPE", "FUNCTION",
          "PROCEDURE", "TRIGGER", "SCHEMA", "SEQUENCE", "EXTENSION", "DOMAIN", "FROM", "INTO", "POLICY", "ROLE",
          "OR", "REPLACE", "TRANSACTION").contains(w)) break;
      if (k.length() > 0) k.append('_');
      k.append(w.toUpperCase(Locale.ROOT));
      words++;
      if (words == 1 && !java.util.Set.of("CREATE", "ALTER", "DROP", "DELETE", "INSERT", "START", "REFRESH")
          .contains(w)) break;
    }
    return k.toString();
  }
}
