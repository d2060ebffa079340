package slipway.core.report;

import java.io.PrintWriter;
import slipway.core.rule.Finding;
import slipway.core.rule.Severity;

/**
 * Compiler-style text for people: {@code file:line:col: severity[rule] message}, the source line with a
 * caret, the safe alternative in the user's names, and the rule's page.
 */
public final class TextReport {
  private TextReport() {}

  public static void write(LintReport r, PrintWriter out) {
    for (LintReport.FileReport f : r.files()) {
      for (LintReport.StatementReport st : f.statements()) {
        for (Finding x : st.findings()) finding(f, st, x, out);
      }
    }
    int e = r.count(Severity.ERROR);
    int w = r.count(Severity.WARNING);
    int i = r.count(Severity.INFO);
    out.println(plural(e, "error") + ", " + plural(w, "warning") + ", " + i + " info in "
        + plural(r.files().size(), "migration") + " (" + plural(r.statementCount(), "statement") + ")");
    out.flush();
  }

  private static void finding(LintReport.FileReport f, LintReport.StatementReport st, Finding x, PrintWriter out) {
    out.println(x.span().where() + ": " + x.severity().label() + "[" + x.rule().id() + "] " + x.message());
    if (x.severity() == Severity.INFO) {
      // Reminders and style stay one line each, so the harmful findings stand out.
      return;
    }
    String line = lineAt(f, x.span().offset());
    if (line != null) {
      String num = Integer.toString(x.span().line());
      String pad = " ".repeat(num.length());
      out.println("  " + num + " | " + line);
      int col = Math.max(1, x.span().column());
      StringBuilder caret = new StringBuilder();
      for (int k = 0; k < col - 1 && k < line.length(); k++) caret.append(line.charAt(k) == '\t' ? '\t' : ' ');
      int len = Math.max(1, Math.min(x.span().length(), line.length() - (col - 1)));
      out.println("  " + pad + " | " + caret + "^" + "~".repeat(Math.max(0, Math.min(len, 60) - 1)));
    }
    String facts = describe(st.facts());
    if (facts != null) out.println("  locks: " + facts);
    if (x.instead() != null) {
      String[] lines = x.instead().split("\n");
      out.println("  instead: " + lines[0]);
      for (int k = 1; k < lines.length; k++) out.println("           " + lines[k]);
    }
    if (x.fix() != null) out.println("  fix: slipway lint --fix rewrites this (" + x.fix().title() + ")");
    out.println("  see " + x.rule().docPath());
    out.println();
  }

  /**
   * The lock model's facts in words: which mode on which relations, what that blocks, and whether the
   * time it is held grows with the table (a rewrite or a full scan) or is an instant catalog change.
   */
  static String describe(StatementFacts f) {
    if (f == null || f.locks().isEmpty()) return null;
    java.util.Map<String, java.util.List<String>> byMode = new java.util.LinkedHashMap<>();
    for (StatementFacts.Lock l : f.locks()) {
      byMode.computeIfAbsent(l.mode(), k -> new java.util.ArrayList<>()).add(l.relation());
    }
    StringBuilder b = new StringBuilder();
    for (java.util.Map.Entry<String, java.util.List<String>> e : byMode.entrySet()) {
      if (b.length() > 0) b.append("; ");
      b.append(e.getKey()).append(" on ").append(String.join(", ", e.getValue()));
    }
    String blocked = f.blocksReads() ? "blocks reads and writes" : f.blocksWrites() ? "blocks writes (reads continue)"
        : "blocks neither reads nor writes";
    String time = f.rewrite() ? "rewrites the table, so the time grows with its size"
        : f.scan() ? "reads the whole table while locked, so the time grows with its size"
        : "a catalog change: instant once the lock is granted";
    return b + " — " + blocked + "; " + time;
  }

  private static String lineAt(LintReport.FileReport f, int fileOffset) {
    String src = f.source();
    int at = fileOffset - f.sourceOffset();
    if (src == null || at < 0 || at > src.length()) return null;
    int start = src.lastIndexOf('\n', at - 1) + 1;
    int end = src.indexOf('\n', at);
    if (end < 0) end = src.length();
    String line = src.substring(start, end);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
