package slipway.core.rule;

/**
 * The work a flagged statement does on an existing table while others wait, derived from which rule
 * flagged it: used only to turn sizes into a duration (docs/estimates.md). Which lock is held and what
 * it blocks is the rule's (and the lock model's) claim, not this class's.
 */
public record Work(Kind kind, Statement.Name table, String blocked) {
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
    Statement.Name table = table(s);
    return table == null ? null : new Work(k, table, blocked);
  }

  static Statement.Name table(Statement s) {
    AlterTable at = AlterTable.of(s);
    if (at != null) return at.table();
    CreateIndex ci = CreateIndex.of(s);
    if (ci != null) return ci.table();
    DataChange d = DataChange.of(s);
    if (d != null) return d.table();
    if (s.startsWith("VACUUM") || s.startsWith("CLUSTER") || s.startsWith("REINDEX", "TABLE")) {
      for (int i = 1; i < s.size(); i++) {
        Statement.Name n = s.nameAt(i);
        if (n != null && !java.util.Set.of("full", "verbose", "analyze", "freeze", "table", "concurrently")
            .contains(n.qualified())) return n;
      }
    }
    return null;
  }
}
