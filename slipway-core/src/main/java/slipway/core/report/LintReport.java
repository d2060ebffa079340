package slipway.core.report;

import java.util.List;
import slipway.core.rule.Finding;
import slipway.core.rule.Severity;
import slipway.core.rule.Statement;

/**
 * The result of {@code slipway lint}: per migration file, per statement, the lock facts (when the lock
 * model supplied them) and the findings. Reporters turn it into text, JSON, SARIF or GitHub annotations.
 */
public record LintReport(String version, int pgVersion, List<FileReport> files) {
  public LintReport {
    files = List.copyOf(files);
  }

  /** One migration: the file as given, its version (or null), its statements. */
  public record FileReport(String file, String migrationVersion, String source, int sourceOffset,
      List<StatementReport> statements) {
    public FileReport {
      statements = List.copyOf(statements);
    }
  }

  /** One statement, its facts (null when the lock model is not available) and findings. */
  public record StatementReport(Statement statement, StatementFacts facts, Double estimatedLockSeconds,
      List<Finding> findings) {
    public StatementReport {
      findings = List.copyOf(findings);
    }
  }

  public int count(Severity s) {
    int n = 0;
    for (FileReport f : files) for (StatementReport st : f.statements()) for (Finding x : st.findings()) {
      if (x.severity() == s) n++;
    }
    return n;
  }

  public int statementCount() {
    return files.stream().mapToInt(f -> f.statements().size()).sum();
  }

  /** True when a finding is at or above {@code failOn}: the exit code is then 1. */
  public boolean failsAt(Severity failOn) {
    for (FileReport f : files) for (StatementReport st : f.statements()) for (Finding x : st.findings()) {
      if (x.severity().atLeast(failOn)) return true;
    }
    return false;
  }
}
