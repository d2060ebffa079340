package slipway.core.rule;

import java.util.List;

/**
 * A {@code -- slipway:ignore} comment without a reason or with an unknown rule id. The linter reports
 * it (it cannot be checked per statement); this class carries its metadata.
 */
public final class InvalidSuppression implements Rule {
  static final RuleInfo INFO = new RuleInfo("invalid-suppression",
      "Suppression without a reason or a known rule", Severity.WARNING, PgVersions.ALL,
      "A suppression must say which rule it silences and why the statement is safe here, so the next "
          + "reviewer can judge it. One without a reason does not apply.",
      "-- slipway:ignore create-index-blocks-writes table has 20 rows, created last week");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context context) { return List.of(); }
}
