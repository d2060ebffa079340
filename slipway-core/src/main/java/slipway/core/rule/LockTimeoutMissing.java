package slipway.core.rule;

import java.util.List;
import slipway.core.sql.syntax.CreateIndex;
import slipway.core.sql.syntax.Drop;
import slipway.core.sql.syntax.SetVariable;
import slipway.core.sql.syntax.Truncate;

/** The first statement of a file that needs a strong lock on an existing table, with no lock_timeout set before. */
public final class LockTimeoutMissing implements Rule {
  static final RuleInfo INFO = new RuleInfo("lock-timeout-missing",
      "No lock_timeout before a statement that needs a strong lock", Severity.INFO, PgVersions.ALL,
      "Even an instant ALTER TABLE must wait for its ACCESS EXCLUSIVE lock behind every running query, and "
          + "while it waits every new query on the table queues behind it. A short lock_timeout makes it give "
          + "up (and retry) instead. Slipway's own runner sets it; other runners need it in the file.",
      "SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN region text;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    Statement s = c.statement();
    if (!strong(s, c)) return List.of();
    // Who queues behind the waiting statement is the lock model's: the mode it asks for.
    if (!c.facts().blocksWrites() && !c.facts().blocksReads()) return List.of();
    for (int i = 0; i < c.index(); i++) {
      Statement p = c.migration().get(i);
      if (p.syntax() instanceof SetVariable v && v.name().equals("lock_timeout")) return List.of();
      if (strong(p, c)) return List.of(); // reported on the first one only
    }
    String queued = c.facts().blocksReads() ? "every query" : "every write";
    return List.of(Finding.of(INFO, s.span(), "no lock_timeout is set: while this waits for its lock, " + queued
        + " on the table queues behind it").instead("SET lock_timeout = '2s';  -- before this statement"));
  }

  private static boolean strong(Statement s, Context c) {
    slipway.core.sql.syntax.AlterTable at = TableSyntax.alterTable(s);
    // VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE, which does not block reads or writes.
    if (at != null) {
      return c.existing(at.table())
          && at.actions().stream().anyMatch(a -> !(a instanceof slipway.core.sql.syntax.AlterTableAction.ValidateConstraint));
    }
    slipway.core.sql.syntax.Statement syntax = s.syntax();
    if (syntax instanceof Drop d) {
      return d.objectType().equals("INDEX") && !d.concurrently() || d.objectType().equals("TABLE");
    }
    if (syntax instanceof Truncate) return true;
    return syntax instanceof CreateIndex ci && !ci.concurrently() && c.existing(ci.table());
  }
}
