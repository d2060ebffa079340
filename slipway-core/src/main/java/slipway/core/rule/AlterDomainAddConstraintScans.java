package slipway.core.rule;

import java.util.List;

/** ALTER DOMAIN … ADD CONSTRAINT without NOT VALID checks every column of that domain. */
public final class AlterDomainAddConstraintScans implements Rule {
  static final RuleInfo INFO = new RuleInfo("alter-domain-add-constraint-scans",
      "Domain constraint checks every table that uses the domain", Severity.WARNING, PgVersions.ALL,
      "ALTER DOMAIN … ADD CONSTRAINT checks every row of every column of that domain while holding a lock "
          + "that blocks writes to those tables. NOT VALID skips existing rows; VALIDATE CONSTRAINT checks them later.",
      "ALTER DOMAIN positive_amount ADD CONSTRAINT positive CHECK (VALUE > 0) NOT VALID;\n"
          + "ALTER DOMAIN positive_amount VALIDATE CONSTRAINT positive;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    Statement s = c.statement();
    if (!s.startsWith("ALTER", "DOMAIN") || s.find(2, "ADD") < 0 || s.contains("NOT", "VALID")) return List.of();
    Statement.Name d = s.nameAt(2);
    return List.of(Finding.of(INFO, s.span(), "writes to every table with a \"" + d + "\" column wait while all "
        + "their rows are checked").instead(s.text() + " NOT VALID;\nALTER DOMAIN " + (d == null ? "" : d.raw())
        + " VALIDATE CONSTRAINT <name>;"));
  }
}
