package slipway.core.rule;

import java.util.List;
import slipway.core.catalog.Catalog;
import slipway.core.sql.syntax.RefreshMaterializedView;

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
    if (!(c.syntax() instanceof RefreshMaterializedView rv) || rv.concurrently()) return List.of();
    if (!c.existing(rv.view()) || !rv.withData()) return List.of();
    // The claim is the lock model's: ACCESS EXCLUSIVE on the view for the whole refresh.
    if (!c.hasFact("refresh-materialized-view") || !c.facts().blocksReads()) return List.of();
    Statement s = c.statement();
    Catalog.Relation r = c.relation(rv.view());
    boolean hasUnique = r != null && c.catalog().indexesOf(r.key).stream().anyMatch(i -> i.unique && i.predicate == null);
    Finding f = Finding.of(INFO, s.span(), "reads of \"" + rv.view() + "\" wait until the view's query has run again")
        .instead((hasUnique ? "" : "CREATE UNIQUE INDEX CONCURRENTLY " + rv.view().name() + "_key ON "
            + s.textOf(rv.viewSpan()) + " (<unique columns>);\n") + "REFRESH MATERIALIZED VIEW CONCURRENTLY "
            + s.textAfter(rv.keyword()) + ";");
    if (hasUnique) {
      f = f.withFix(Fix.of("refresh CONCURRENTLY", new Fix.Edit(s.inFile(rv.keyword()).end(), 0, " CONCURRENTLY")));
    }
    return List.of(f);
  }
}
