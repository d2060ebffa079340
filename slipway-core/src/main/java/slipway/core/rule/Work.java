package slipway.core.rule;

import slipway.core.sql.syntax.Cluster;
import slipway.core.sql.syntax.CreateIndex;
import slipway.core.sql.syntax.Delete;
import slipway.core.sql.syntax.QualifiedName;
import slipway.core.sql.syntax.Reindex;
import slipway.core.sql.syntax.Update;
import slipway.core.sql.syntax.Vacuum;

/**
 * The work a flagged statement does on an existing table while others wait, derived from which rule
 * flagged it: used only to turn sizes into a duration (docs/estimates.md). Which lock is held and what
 * it blocks is the rule's (and the lock model's) claim, not this class's.
 */
public record Work(Kind kind, QualifiedName table, String blocked) {
  public enum Kind { REWRITE, SCAN, INDEX_BUILD, ROW_CHANGE }

  /** The work behind a finding of rule {@code ruleId} on statement {@code s}, or null when none is sized. */
  public static Work of(Statement s, String ruleId) {
    Kind k;
    String blocked;
    switch (ruleId) {
      case "add-column-rewrites-table", "alter-column-type-rewrites-table", "table-rewrite-blocks-reads" -> {
        k = Kind.REWRITE; blocked = "reads and writes";
      }
      case "set-not-null-scans-table", "add-check-constraint-scans-table", "add-column-not-null-without-default" -> {
        k = Kind.SCAN; blocked = "reads and writes";
      }
      case "add-foreign-key-blocks-writes" -> { k = Kind.SCAN; blocked = "writes"; }
      case "create-index-blocks-writes", "reindex-blocks-writes" -> { k = Kind.INDEX_BUILD; blocked = "writes"; }
      case "add-unique-constraint-builds-index", "add-exclusion-constraint-blocks-table" -> {
        k = Kind.INDEX_BUILD; blocked = "reads and writes";
      }
      case "unbatched-data-change" -> { k = Kind.ROW_CHANGE; blocked = "writes to the changed rows"; }
      default -> { return null; }
    }
    QualifiedName table = table(s);
    return table == null ? null : new Work(k, table, blocked);
  }

  static QualifiedName table(Statement s) {
    slipway.core.sql.syntax.AlterTable at = TableSyntax.alterTable(s);
    if (at != null) return at.table();
    slipway.core.sql.syntax.Statement syntax = s.syntax();
    if (syntax instanceof CreateIndex ci) return ci.table();
    if (syntax instanceof Update u) return u.table();
    if (syntax instanceof Delete d) return d.table();
    if (syntax instanceof Vacuum v) return v.objectName();
    if (syntax instanceof Cluster cl) return cl.table();
    if (syntax instanceof Reindex r && r.target().equals("TABLE")) return r.name();
    return null;
  }
}
