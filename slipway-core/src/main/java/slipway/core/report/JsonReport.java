package slipway.core.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import slipway.core.rule.Finding;
import slipway.core.rule.Severity;
import slipway.core.rule.Statement;

/** {@code --format json}: the contract in DESIGN.md section 3. */
public final class JsonReport {
  private JsonReport() {}

  public static void write(LintReport r, PrintWriter out) {
    // Written file by file in chunks, so the document is never held whole (it is mostly the SQL). The CLI
    // renders files while the run lints later ones instead (Streaming).
    Part p = new Part(out);
    header(p.b, r);
    p.render(r.files(), 0, r.files().size());
    summary(p.b, r.files().size(), p.statements, p.bySeverity);
    out.append(p.b);
    out.flush();
  }

  private static void header(StringBuilder b, LintReport r) {
    b.append("{\n  \"tool\": \"slipway\", \"version\": ");
    str(b, r.version()).append(", \"pgVersion\": ").append(r.pgVersion()).append(",\n  \"migrations\": [");
  }

  /**
   * Files rendered in order: written out in chunks as they fill (out set), or kept (out null); with the
   * summary's counts (as LintReport.count and statementCount), taken on the way through.
   */
  private static final class Part {
    private final PrintWriter out;
    final List<StringBuilder> chunks = new java.util.ArrayList<>();
    StringBuilder b = new StringBuilder(CHUNK + 8192);
    final int[] bySeverity = new int[Severity.values().length];
    int statements;

    Part(PrintWriter out) {
      this.out = out;
    }

    void render(List<LintReport.FileReport> files, int from, int to) {
      for (int i = from; i < to; i++) {
        file(files.get(i), i == 0);
      }
    }

    void file(LintReport.FileReport f, boolean first) {
      b.append(first ? "\n" : ",\n");
      str(b.append("    { \"file\": "), f.file()).append(", \"version\": ");
      str(b, f.migrationVersion()).append(",\n      \"statements\": [");
      boolean firstSt = true;
      for (LintReport.StatementReport st : f.statements()) {
        b.append(firstSt ? "\n" : ",\n");
        firstSt = false;
        statement(b, st);
        statements++;
        for (Finding x : st.findings()) {
          bySeverity[x.severity().ordinal()]++;
        }
        if (b.length() >= CHUNK) {
          if (out != null) out.append(b); else chunks.add(b);
          // A new builder, not setLength(0): one that took a non-Latin-1 character stays two bytes per char.
          b = new StringBuilder(CHUNK + 8192);
        }
      }
      b.append(firstSt ? "] }" : "\n      ] }");
    }
  }

  /**
   * Renders the files of a lint run as the run hands them over ({@code LintRunner.run(migrations, this)},
   * on the run's second thread, while later files are linted), then writes the same document as
   * {@link JsonReport#write} with them.
   */
  public static final class Streaming implements java.util.function.Consumer<LintReport.FileReport> {
    private final Part part = new Part(null);
    private int files;

    @Override
    public void accept(LintReport.FileReport f) {
      part.file(f, files++ == 0);
    }

    /** Writes the report (its files were handed over; any other report is rendered here). */
    public void write(LintReport r, PrintWriter out) {
      if (files != r.files().size()) {
        JsonReport.write(r, out);
        return;
      }
      StringBuilder head = new StringBuilder(256);
      header(head, r);
      out.append(head);
      for (StringBuilder chunk : part.chunks) out.append(chunk);
      StringBuilder b = part.b;
      part.b = new StringBuilder();
      summary(b, files, part.statements, part.bySeverity);
      out.append(b);
      out.flush();
    }
  }

  private static final int CHUNK = 1 << 16;

  private static void summary(StringBuilder b, int files, int statements, int[] bySeverity) {
    b.append(files == 0 ? "],\n" : "\n  ],\n");
    b.append("  \"summary\": { \"files\": ").append(files).append(", \"statements\": ")
        .append(statements).append(", \"errors\": ").append(bySeverity[Severity.ERROR.ordinal()])
        .append(", \"warnings\": ").append(bySeverity[Severity.WARNING.ordinal()]).append(", \"infos\": ")
        .append(bySeverity[Severity.INFO.ordinal()]).append(" }\n}\n");
  }

  private static void statement(StringBuilder b, LintReport.StatementReport st) {
    Statement s = st.statement();
    StatementFacts f = st.facts();
    b.append("        { \"line\": ").append(s.span().line()).append(", \"column\": ").append(s.span().column())
        .append(", \"sql\": ");
    str(b, s.text()).append(", \"kind\": ");
    str(b, f != null ? f.kind() : s.syntax().kind());
    if (f != null) {
      b.append(",\n          \"transactional\": ").append(f.transactional()).append(", \"locks\": [");
      for (int i = 0; i < f.locks().size(); i++) {
        if (i > 0) b.append(", ");
        str(b.append("{ \"relation\": "), f.locks().get(i).relation()).append(", \"mode\": ");
        str(b, f.locks().get(i).mode()).append(" }");
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
      str(b.append("            { \"rule\": "), x.rule().id()).append(", \"severity\": ");
      str(b, x.severity().label()).append(", \"line\": ").append(x.span().line())
          .append(", \"column\": ").append(x.span().column()).append(", \"message\": ");
      str(b, x.message()).append(", \"fix\": ");
      str(b, x.instead()).append(", \"autofix\": ").append(x.fix() != null).append(", \"doc\": ");
      str(b, x.rule().docPath()).append(" }");
    }
    b.append(first ? "] }" : "\n          ] }");
  }

  /** A JSON string, or null. */
  static String str(String s) {
    return s == null ? "null" : Json.quote(s);
  }

  /** Appends a JSON string, or null (no intermediate copy: the statements' SQL is most of the output). */
  static StringBuilder str(StringBuilder b, String s) {
    return s == null ? b.append("null") : Json.quote(b, s);
  }

  static String num(Double d) {
    if (d == null) return "null";
    if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
    return String.format(Locale.ROOT, "%.1f", d);
  }

}
