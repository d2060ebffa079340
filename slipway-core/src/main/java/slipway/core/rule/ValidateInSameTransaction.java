package slipway.core.rule;

import java.util.List;
import slipway.core.lock.LockMode;
import slipway.core.lock.StatementFacts;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;

/** VALIDATE CONSTRAINT in the same transaction as an ALTER TABLE that locked the table exclusively. */
public final class ValidateInSameTransaction implements Rule {
  static final RuleInfo INFO = new RuleInfo("validate-in-same-transaction",
      "VALIDATE runs while the transaction still holds an exclusive lock", Severity.WARNING, PgVersions.ALL,
      "NOT VALID + VALIDATE only helps when VALIDATE runs in its own transaction: here the lock the earlier "
          + "ALTER TABLE took is still held (ACCESS EXCLUSIVE for a CHECK, so reads and writes wait; a foreign "
          + "key's lock makes writes wait) for the whole validation scan anyway.",
      "-- V7: ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n"
          + "-- V8 (its own transaction): ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (!c.inTransaction()) return List.of();
    AlterTable at = TableSyntax.alterTable(c);
    if (at == null || !c.existing(at.table())) return List.of();
    if (!validates(at)) return List.of();
    // The strongest lock an earlier ALTER TABLE of this transaction still holds on the table, by the lock model.
    LockMode strongest = null;
    Statement holder = null;
    for (int i = c.index() - 1; i >= 0; i--) {
      Statement p = c.migration().get(i);
      // COMMIT, ROLLBACK or PREPARE TRANSACTION released the earlier locks (ROLLBACK TO SAVEPOINT does not).
      if (Linter.endsTransaction(p)) break;
      if (Linter.beginsTransaction(p) && !c.runnerWrapsInTransaction()) break;
      AlterTable earlier = TableSyntax.alterTable(p);
      if (earlier == null || !earlier.table().name().equals(at.table().name())) continue;
      StatementFacts held = c.factsOf(i);
      LockMode mode = held == null ? null : held.modeOn(earlier.table().toString());
      if (mode != null && (strongest == null || mode.compareTo(strongest) > 0)) {
        strongest = mode;
        holder = p;
      }
    }
    if (strongest == null || !strongest.blocksWrites()) return List.of();
    return List.of(Finding.of(INFO, c.statement().span(), "the ALTER TABLE at line " + holder.span().line()
            + " still holds its " + strongest.name().replace('_', ' ') + " lock on \"" + at.table() + "\": "
            + (strongest.blocksReads() ? "reads and writes" : "writes") + " wait for the whole validation")
        .instead("-- move this VALIDATE to the next migration (its own transaction)"));
  }

  private static boolean validates(AlterTable at) {
    return at.actions().stream().anyMatch(a -> a instanceof AlterTableAction.ValidateConstraint);
  }
}
