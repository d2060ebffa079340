package slipway.core.rule;

import java.util.List;

/** REINDEX without CONCURRENTLY (PostgreSQL 12+ has it). */
public final class ReindexBlocksWrites implements Rule {
  static final RuleInfo INFO = new RuleInfo("reindex-blocks-writes",
      "REINDEX blocks writes, and reads that use the index", Severity.ERROR, PgVersions.from(12),
      "REINDEX takes a SHARE lock on the table (writes wait) and an ACCESS EXCLUSIVE lock on the index "
          + "(queries that would use it wait) for the whole rebuild. REINDEX CONCURRENTLY does not block.",
      "REINDEX INDEX CONCURRENTLY orders_customer_idx;  -- outside a transaction");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    Statement s = c.statement();
    if (!s.startsWith("REINDEX")) return List.of();
    int i = 1;
    if (s.matches(i, "(")) i = s.closeParen(i);
    if (!(s.matches(i, "INDEX") || s.matches(i, "TABLE") || s.matches(i, "SCHEMA") || s.matches(i, "DATABASE")
        || s.matches(i, "SYSTEM"))) return List.of();
    int kw = i;
    if (s.matches(i + 1, "CONCURRENTLY")) return List.of();
    Statement.Name target = s.nameAt(i + 1);
    if (target != null && s.matches(kw, "TABLE") && !c.existing(target)) return List.of();
    if (target != null && s.matches(kw, "INDEX")) {
      slipway.core.catalog.Catalog.Index idx = c.index(target);
      slipway.core.catalog.Catalog.Relation table = idx == null ? null : c.catalog().relation(idx.table);
      if (table != null && c.catalog().isNewInThisMigration(table.name)) return List.of();
    }
    Finding f = Finding.of(INFO, s.span(), "writes to the table" + (target == null ? "s" : " of \"" + target + "\"")
        + " wait for the whole rebuild, and so do reads that use the index")
        .instead(s.textOf(0, kw + 1) + " CONCURRENTLY" + (kw + 1 < s.size() ? " " + s.textOf(kw + 1, s.size()) : "")
            + ";  -- outside a transaction");
    if (!c.inTransaction() && !s.matches(kw, "SYSTEM")) {
      f = f.withFix(Fix.of("rebuild CONCURRENTLY", new Fix.Edit(s.fileOffset(kw) + s.token(kw).text().length(), 0,
          " CONCURRENTLY")));
    }
    return List.of(f);
  }
}
