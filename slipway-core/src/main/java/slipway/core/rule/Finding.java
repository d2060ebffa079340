package slipway.core.rule;

import slipway.core.sql.Span;

/**
 * One finding: the rule, its effective severity, where, what is blocked or broken and how it grows
 * ({@code message}), the safe alternative written in the user's names ({@code instead}, may be null),
 * and a mechanical rewrite when there is exactly one safe one ({@code fix}, may be null).
 */
public record Finding(RuleInfo rule, Severity severity, Span span, String message, String instead, Fix fix) {

  public static Finding of(RuleInfo rule, Span span, String message) {
    return new Finding(rule, rule.severity(), span, message, null, null);
  }

  public Finding instead(String sql) {
    return new Finding(rule, severity, span, message, sql, fix);
  }

  public Finding withFix(Fix f) {
    return new Finding(rule, severity, span, message, instead, f);
  }

  public Finding withSeverity(Severity s) {
    return new Finding(rule, s, span, message, instead, fix);
  }

  public Finding withMessage(String m) {
    return new Finding(rule, severity, span, m, instead, fix);
  }
}
