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
    // Info notes (style, reminders) of one rule are printed once, with every place they apply, so that the
    // findings that would hurt production stand out.
    java.util.Map<String, java.util.List<Finding>> notes = new java.util.LinkedHashMap<>();
    for (LintReport.FileReport f : r.files()) {
      for (LintReport.StatementReport st : f.statements()) {
        for (Finding x : st.findings()) {
          if (x.severity() == Severity.INFO) {
            notes.computeIfAbsent(x.rule().id() + "\u0000" + x.message(), k -> new java.util.ArrayList<>()).add(x);
          } else {
            finding(f, st, x, out);
          }
        }
      }
    }
    for (java.util.List<Finding> same : notes.values()) note(same, out);
    int e = r.count(Severity.ERROR);
    int w = r.count(Severity.WARNING);
    int i = r.count(Severity.INFO);
    out.println(plural(e, "error") + ", " + plural(w, "warning") + ", " + i + " info in "
        + plural(r.files().size(), "migration") + " (" + plural(r.statementCount(), "statement") + ")");
    out.flush();
  }

  /** One line per info note; the same note in several places lists them (the first few in full). */
  private static void note(java.util.List<Finding> same, PrintWriter out) {
    Finding first = same.get(0);
    StringBuilder b = new StringBuilder(first.span().where()).append(": ").append(first.severity().label())
        .append('[').append(first.rule().id()).append("] ").append(first.message());
    if (same.size() > 1) {
      b.append(" (also at ");
      int shown = Math.min(same.size() - 1, 4);
      for (int k = 1; k <= shown; k++) b.append(k > 1 ? ", " : "").append(same.get(k).span().where());
      if (same.size() - 1 > shown) b.append(" and ").append(same.size() - 1 - shown).append(" more");
      b.append(')');
    }
    out.println(b);
  }

  private static void finding(LintReport.FileReport f, LintReport.StatementReport st, Finding x, PrintWriter out) {
    out.println(x.span().where() + ": " + x.severity().label() + "[" + x.rule().id() + "] " + x.message());
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
    if (facts != null) out.println("  blocks: " + facts);
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
   * The lock model's facts in words for someone who has never heard of lock modes: what waits, for how
   * long (an instant, or a time that grows with the table because it is rewritten or read in full), and
   * the lock queue; the lock modes as pg_locks names them come last, in brackets.
   */
  static String describe(StatementFacts f) {
    if (f == null || f.locks().isEmpty()) return null;
    java.util.Map<String, java.util.List<String>> byMode = new java.util.LinkedHashMap<>();
    java.util.Set<String> relations = new java.util.LinkedHashSet<>();
    for (StatementFacts.Lock l : f.locks()) {
      byMode.computeIfAbsent(l.mode(), k -> new java.util.ArrayList<>()).add(l.relation());
      relations.add(l.relation());
    }
    StringBuilder modes = new StringBuilder();
    for (java.util.Map.Entry<String, java.util.List<String>> e : byMode.entrySet()) {
      if (modes.length() > 0) modes.append("; ");
      modes.append(e.getKey()).append(" on ").append(String.join(", ", e.getValue()));
    }
    // In words, the relation locked first (the statement's own table); every relation is in the brackets.
    String on = relations.iterator().next();
    if (!f.blocksReads() && !f.blocksWrites()) {
      return "neither reads nor writes of " + on + " (" + modes + ")";
    }
    String who = f.blocksReads() ? "reads and writes of " + on : "writes to " + on + " (reads go on)";
    String howLong = f.rewrite() ? "wait while every row is rewritten, so the wait grows with the table's size"
        : f.scan() ? "wait while every row is read, so the wait grows with the table's size"
        : "wait only an instant (a catalog change), but while it waits for the queries already running, "
            + "new queries queue behind it";
    return who + " " + howLong + " (" + modes + ")";
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
