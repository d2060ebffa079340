package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;

/** An EXCLUDE constraint added to an existing table. */
public final class AddExclusionConstraintBlocksTable implements Rule {
  static final RuleInfo INFO = new RuleInfo("add-exclusion-constraint-blocks-table",
      "Exclusion constraint builds its index with reads and writes blocked", Severity.ERROR, PgVersions.ALL,
      "ADD CONSTRAINT … EXCLUDE builds its index while holding an ACCESS EXCLUSIVE lock, and unlike UNIQUE "
          + "there is no USING INDEX or NOT VALID way around it: reads and writes wait for the whole build.",
      "-- enforce it in a new table and move rows over in batches, or schedule a maintenance window;\n"
          + "-- a trigger can reject new overlaps meanwhile");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    AlterTable at = AlterTable.of(c.statement());
    if (at == null || !c.existing(at.table())) return out;
    for (AlterTable.Action a : at.actions()) {
      AddConstraint ac = AddConstraint.of(a);
      if (ac == null || !ac.kindWord().equals("EXCLUDE")) continue;
      out.add(Finding.of(INFO, a.span(), "reads and writes on \"" + at.table() + "\" wait while the exclusion index "
          + "is built; the build grows with the table"));
    }
    return out;
  }
}
