package slipway.core.rule;

import java.util.List;
import slipway.core.catalog.Catalog;

/** REFRESH MATERIALIZED VIEW without CONCURRENTLY on an existing view. */
public final class RefreshMaterializedViewBlocksReads implements Rule {
  static final RuleInfo INFO = new RuleInfo("refresh-materialized-view-blocks-reads",
      "REFRESH MATERIALIZED VIEW blocks reads of the view", Severity.WARNING, PgVersions.ALL,
      "Without CONCURRENTLY the refresh holds an ACCESS EXCLUSIVE lock on the view: every SELECT from it waits "
          + "until the whole query behind the view has run again. CONCURRENTLY needs a unique index on the "
          + "view and lets reads continue.",
      "CREATE UNIQUE INDEX CONCURRENTLY order_totals_id ON order_totals (id);  -- once\n"
          + "REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    Statement s = c.statement();
    if (!s.startsWith("REFRESH", "MATERIALIZED", "VIEW") || s.matches(3, "CONCURRENTLY")) return List.of();
    Statement.Name view = s.nameAt(3);
    if (view == null || !c.existing(view) || s.contains("WITH", "NO", "DATA")) return List.of();
    Catalog.Relation r = c.relation(view);
    boolean hasUnique = r != null && c.catalog().indexesOf(r.key).stream().anyMatch(i -> i.unique && i.predicate == null);
    Finding f = Finding.of(INFO, s.span(), "reads of \"" + view + "\" wait until the view's query has run again")
        .instead((hasUnique ? "" : "CREATE UNIQUE INDEX CONCURRENTLY " + view.simple() + "_key ON " + view.raw()
            + " (<unique columns>);\n") + "REFRESH MATERIALIZED VIEW CONCURRENTLY " + s.textOf(3, s.size()) + ";");
    if (hasUnique) {
      f = f.withFix(Fix.of("refresh CONCURRENTLY", new Fix.Edit(s.fileOffset(2) + "VIEW".length(), 0, " CONCURRENTLY")));
    }
    return List.of(f);
  }
}
