package slipway.core.rule;

/**
 * What a rule is: its id (the name of its class, test and doc page), a title, its default severity,
 * the PostgreSQL majors it applies to, why the statement is dangerous, and the safe alternative.
 */
public record RuleInfo(String id, String title, Severity severity, PgVersions versions, String why,
    String safeAlternative) {

  /** Where the rule is documented, relative to the repository root. */
  public String docPath() {
    return "docs/rules/" + id + ".md";
  }
}
