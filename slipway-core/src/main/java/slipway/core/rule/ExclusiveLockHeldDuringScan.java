package slipway.core.rule;

import java.util.List;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.Name;
import slipway.core.lock.LockedRelation;
import slipway.core.lock.StatementFacts;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.Copy;
import slipway.core.sql.syntax.Delete;
import slipway.core.sql.syntax.DoBlock;
import slipway.core.sql.syntax.Insert;
import slipway.core.sql.syntax.Merge;
import slipway.core.sql.syntax.TransactionControl;
import slipway.core.sql.syntax.Update;

/**
 * A statement that reads or rewrites a whole existing table, in a transaction where an earlier statement
 * took a lock that blocks reads (ACCESS EXCLUSIVE) or writes (SHARE and stronger) on another existing table:
 * that lock is held until the transaction ends, so the other table is blocked for the whole scan too
 * (Eugene's E4, which looks at ACCESS EXCLUSIVE only).
 */
public final class ExclusiveLockHeldDuringScan implements Rule {
  static final RuleInfo INFO = new RuleInfo("exclusive-lock-held-during-scan",
      "An earlier exclusive lock is held while this statement scans a table", Severity.WARNING, PgVersions.ALL,
      "Locks are held until the transaction ends. After a statement that takes ACCESS EXCLUSIVE on a table — "
          + "even an instant one such as ADD COLUMN — (or a lock that blocks writes, such as a foreign key's) every later statement in the same transaction runs with that "
          + "table blocked: a statement that reads or rewrites a whole table (an index build, a validation, a "
          + "rewrite) keeps reads and writes (or writes) of the first table waiting for as long as it runs. Commit before the "
          + "slow statement.",
      "-- V7__add_column.sql\nALTER TABLE orders ADD COLUMN note text;\n"
          + "-- V8__validate.sql (its own transaction)\nALTER TABLE customers VALIDATE CONSTRAINT customers_email_check;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (!c.inTransaction()) return List.of();
    StatementFacts f = c.facts();
    if (!f.scan() && !f.rewrite()) return List.of();
    // Data changes in a migration with schema changes are mixed-schema-and-data's: it says the lock is held.
    var syntax = c.syntax();
    if (syntax instanceof Update || syntax instanceof Delete || syntax instanceof Insert || syntax instanceof Merge
        || syntax instanceof Copy || syntax instanceof DoBlock) return List.of();
    String scanned = null;
    for (String key : f.tables()) {
      Catalog.Relation r = c.catalog().relation(key);
      if (r == null || !c.catalog().isNewInThisMigration(r.name)) { scanned = r == null ? key : r.name.display(); break; }
    }
    if (scanned == null) return List.of();
    boolean validates = syntax instanceof AlterTable at
        && at.actions().stream().anyMatch(a -> a instanceof AlterTableAction.ValidateConstraint);
    for (int i = c.index() - 1; i >= 0; i--) {
      Statement p = c.migration().get(i);
      var ps = p.syntax();
      if (ps instanceof TransactionControl tc) {
        String k = tc.kind();
        if (!k.equals("BEGIN") && !k.equals("START_TRANSACTION") && !k.equals("SAVEPOINT")
            && !k.equals("RELEASE_SAVEPOINT") && !k.equals("ROLLBACK_TO_SAVEPOINT")) return List.of();
        if (!c.runnerWrapsInTransaction() && (k.equals("BEGIN") || k.equals("START_TRANSACTION"))) return List.of();
        continue;
      }
      // What the lock model said about it against the schema as it stood then (Context keeps it).
      StatementFacts earlier = c.factsOf(i);
      if (earlier == null) continue;
      // A slow statement is reported on its own; the point here is the lock of an instant one that stays.
      if (earlier.scan() || earlier.rewrite()) continue;
      for (LockedRelation l : earlier.locks()) {
        if (!l.mode().blocksWrites()) continue;
        Name n = Name.of(l.relation());
        Catalog.Relation held = c.catalog().relation(n);
        if (held == null || !held.isTable() || c.catalog().isNewInThisMigration(held.name)) continue;
        // Said once per transaction: not again when a slow statement already ran after that lock was taken.
        if (slowSince(c, i + 1)) return List.of();
        // Already blocked by this statement itself (its own rule speaks about that table).
        LockedRelation own = f.locks().stream().filter(o -> Name.of(o.relation()).key().equals(n.key())).findFirst().orElse(null);
        if (own != null && (own.mode().blocksReads() || !l.mode().blocksReads())
            && (own.mode().blocksWrites() || !l.mode().blocksWrites())) continue;
        // VALIDATE after an ALTER TABLE of the same table is validate-in-same-transaction's.
        if (validates && syntax instanceof AlterTable at && Context.name(at.table()).key().equals(n.key())) continue;
        String what = f.rewrite() ? "rewrites" : "reads every row of";
        return List.of(Finding.of(INFO, c.statement().span(), "the " + l.mode().pgName().replace("Lock", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase() + " lock on \"" + n.display() + "\" taken at line "
                + p.span().line() + " is held until the transaction ends: " + (l.mode().blocksReads() ? "reads and writes" : "writes")
                + " on \"" + n.display()
                + "\" wait while this statement " + what + " \"" + scanned + "\"")
            .instead("-- end the transaction after line " + p.span().line() + " (COMMIT, or a migration of its own), "
                + "then run this statement in a transaction of its own"));
      }
    }
    return List.of();
  }

  /** A statement from {@code from} up to the current one that reads or rewrites an existing table. */
  private static boolean slowSince(Context c, int from) {
    for (int j = from; j < c.index(); j++) {
      Statement q = c.migration().get(j);
      if (q.syntax() instanceof TransactionControl) continue;
      StatementFacts f = c.factsOf(j);
      if (f == null || !f.scan() && !f.rewrite()) continue;
      for (String key : f.tables()) {
        Catalog.Relation r = c.catalog().relation(key);
        if (r == null || !c.catalog().isNewInThisMigration(r.name)) return true;
      }
    }
    return false;
  }
}
