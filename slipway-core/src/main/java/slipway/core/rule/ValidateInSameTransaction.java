package slipway.core.rule;

import java.util.List;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;

/** VALIDATE CONSTRAINT in the same transaction as an ALTER TABLE that locked the table exclusively. */
public final class ValidateInSameTransaction implements Rule {
  static final RuleInfo INFO = new RuleInfo("validate-in-same-transaction",
      "VALIDATE runs while the transaction still holds an exclusive lock", Severity.WARNING, PgVersions.ALL,
      "NOT VALID + VALIDATE only helps when VALIDATE runs in its own transaction: here the earlier ALTER TABLE's "
          + "ACCESS EXCLUSIVE lock is still held, so reads and writes wait for the whole validation scan anyway.",
      "-- V7: ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n"
          + "-- V8 (its own transaction): ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (!c.inTransaction()) return List.of();
    AlterTable at = TableSyntax.alterTable(c);
    if (at == null || !c.existing(at.table())) return List.of();
    if (!validates(at)) return List.of();
    for (int i = c.index() - 1; i >= 0; i--) {
      Statement p = c.migration().get(i);
      // COMMIT, ROLLBACK or PREPARE TRANSACTION released the earlier lock (ROLLBACK TO SAVEPOINT does not).
      if (Linter.endsTransaction(p)) return List.of();
      if (Linter.beginsTransaction(p) && !c.runnerWrapsInTransaction()) return List.of();
      AlterTable earlier = TableSyntax.alterTable(p);
      if (earlier != null && earlier.table().name().equals(at.table().name()) && !validates(earlier)) {
        return List.of(Finding.of(INFO, c.statement().span(), "the ALTER TABLE at line " + p.span().line()
                + " still holds its ACCESS EXCLUSIVE lock on \"" + at.table() + "\": reads and writes wait for the "
                + "whole validation")
            .instead("-- move this VALIDATE to the next migration (its own transaction)"));
      }
    }
    return List.of();
  }

  private static boolean validates(AlterTable at) {
    return at.actions().stream().anyMatch(a -> a instanceof AlterTableAction.ValidateConstraint);
  }
}
