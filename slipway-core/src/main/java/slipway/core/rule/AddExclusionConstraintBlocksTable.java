package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.lock.StatementFacts;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.Constraint;

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
    AlterTable at = TableSyntax.alterTable(c);
    if (at == null || !c.existing(at.table())) return out;
    for (AlterTableAction a : at.actions()) {
      if (!(a instanceof AlterTableAction.AddConstraint add)
          || add.constraint().kind() != Constraint.ConstraintKind.EXCLUDE) continue;
      // That the build reads every row with reads and writes blocked is the lock model's verdict.
      StatementFacts facts = TableSyntax.facts(c, at, a);
      if (!facts.scan() || !facts.blocksReads()) continue;
      out.add(Finding.of(INFO, c.statement().inFile(a.span()), "reads and writes on \"" + at.table() + "\" wait while "
          + "the exclusion index is built; the build grows with the table"));
    }
    return out;
  }
}
