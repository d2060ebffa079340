package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.lock.LockedRelation;

/**
 * ALTER DOMAIN … ADD CONSTRAINT (without NOT VALID), SET NOT NULL or VALIDATE CONSTRAINT: every row of every
 * table with a column of the domain is checked under SHARE, so writes to those tables wait (the lock model's
 * facts alter-domain-add-constraint, alter-domain-set-not-null, alter-domain-validate-constraint).
 */
public final class AlterDomainAddConstraintScans implements Rule {
  static final RuleInfo INFO = new RuleInfo("alter-domain-add-constraint-scans",
      "Domain constraint checks every table that uses the domain", Severity.WARNING, PgVersions.ALL,
      "ALTER DOMAIN … ADD CONSTRAINT or SET NOT NULL checks every row of every column of that domain while "
          + "holding a SHARE lock on each of those tables: writes wait for the whole check. NOT VALID makes the "
          + "constraint instant (new rows are checked), but unlike a table's, a domain's VALIDATE CONSTRAINT also "
          + "takes SHARE and blocks writes while it checks the old rows. A CHECK constraint on the table columns "
          + "can be added NOT VALID and validated without blocking anything.",
      "ALTER TABLE payments ADD CONSTRAINT payments_amount_positive CHECK (amount > 0) NOT VALID;\n"
          + "ALTER TABLE payments VALIDATE CONSTRAINT payments_amount_positive;  -- blocks neither reads nor writes");

  private static final List<String> CHECKS_ROWS = List.of("alter-domain-add-constraint", "alter-domain-set-not-null",
      "alter-domain-validate-constraint");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (CHECKS_ROWS.stream().noneMatch(c::hasFact)) return List.of();
    String domain = c.syntax().objectName() == null ? "the domain" : "\"" + c.syntax().objectName().name() + "\"";
    List<String> tables = new ArrayList<>();
    for (LockedRelation l : c.facts().locks()) tables.add(l.relation());
    // A domain the schema knows but no table uses: nothing to check, nobody waits.
    boolean known = c.syntax().objectName() != null
        && c.catalog().domains().containsKey(c.syntax().objectName().name());
    if (tables.isEmpty() && known) return List.of();
    String who = tables.isEmpty() ? "every table with a " + domain + " column"
        : "\"" + String.join("\", \"", tables) + "\"";
    boolean validate = c.hasFact("alter-domain-validate-constraint");
    String message = "writes to " + who + " wait while every row is checked (a SHARE lock"
        + (validate ? ": a domain's VALIDATE CONSTRAINT blocks writes, unlike a table's)" : ")");
    String column = tables.isEmpty() ? "<table>" : tables.get(0);
    return List.of(Finding.of(INFO, c.statement().span(), message)
        .instead("-- check the columns with a table constraint instead, added NOT VALID and validated without blocking:\n"
            + "ALTER TABLE " + column + " ADD CONSTRAINT " + column + "_<column>_check CHECK (<column> …) NOT VALID;\n"
            + "ALTER TABLE " + column + " VALIDATE CONSTRAINT " + column + "_<column>_check;"));
  }
}
