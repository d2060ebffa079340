package slipway.core.rule;

import java.util.List;

/** BEGIN without a matching COMMIT before the end of the file. */
public final class UncommittedTransaction implements Rule {
  static final RuleInfo INFO = new RuleInfo("uncommitted-transaction",
      "Transaction left open at the end of the migration", Severity.WARNING, PgVersions.ALL,
      "A BEGIN without COMMIT leaves the transaction open when the file ends: its locks are held until the "
          + "session closes or the runner commits, and some runners roll it back silently.",
      "BEGIN;\nALTER TABLE orders ADD COLUMN region text;\nCOMMIT;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    Statement s = c.statement();
    if (!Linter.beginsTransaction(s)) return List.of();
    List<Statement> all = c.migration();
    for (int i = c.index() + 1; i < all.size(); i++) {
      if (Linter.endsTransaction(all.get(i))) return List.of();
    }
    return List.of(Finding.of(INFO, s.span(), "no COMMIT follows this BEGIN: the transaction and its locks stay open "
        + "after the last statement").instead("COMMIT;  -- at the end of the file"));
  }
}
