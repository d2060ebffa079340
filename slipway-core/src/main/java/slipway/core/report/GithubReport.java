package slipway.core.report;

import java.io.PrintWriter;
import slipway.core.rule.Finding;
import slipway.core.rule.Severity;

/**
 * {@code --format github}: workflow commands that GitHub Actions shows as annotations on the pull request
 * ({@code ::error file=…,line=…,col=…,title=…::message}); info becomes a notice.
 */
public final class GithubReport {
  private GithubReport() {}

  public static void write(LintReport r, PrintWriter out) {
    for (LintReport.FileReport f : r.files()) {
      for (LintReport.StatementReport st : f.statements()) {
        for (Finding x : st.findings()) {
          String level = x.severity() == Severity.ERROR ? "error" : x.severity() == Severity.WARNING ? "warning" : "notice";
          String msg = x.message() + (x.instead() == null ? "" : "\nInstead:\n" + x.instead()) + "\nSee " + x.rule().docPath();
          out.println("::" + level + " file=" + property(x.span().file()) + ",line=" + x.span().line() + ",col="
              + x.span().column() + ",title=" + property("slipway " + x.rule().id()) + "::" + data(msg));
        }
      }
    }
    out.flush();
  }

  /** Escaping of a workflow command's message (toolkit/core command.ts escapeData). */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escaping of a workflow command's property value (escapeProperty). */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
