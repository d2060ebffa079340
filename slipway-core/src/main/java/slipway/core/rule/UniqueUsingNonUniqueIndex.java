package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;

/** ADD CONSTRAINT … UNIQUE/PRIMARY KEY USING INDEX naming an index that is not unique: fails at run time. */
public final class UniqueUsingNonUniqueIndex implements Rule {
  static final RuleInfo INFO = new RuleInfo("unique-using-non-unique-index",
      "UNIQUE USING INDEX with a non-unique index fails", Severity.ERROR, PgVersions.ALL,
      "USING INDEX requires a unique b-tree index; PostgreSQL rejects a plain one "
          + "(ERROR: … is not a unique index) and the deploy fails.",
      "CREATE UNIQUE INDEX CONCURRENTLY orders_number_key ON orders (number);\n"
          + "ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE USING INDEX orders_number_key;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    AlterTable at = AlterTable.of(c.statement());
    if (at == null) return out;
    Statement s = c.statement();
    for (AlterTable.Action a : at.actions()) {
      int u = a.find("USING", "INDEX");
      if (u < 0 || AddConstraint.of(a) == null) continue;
      Statement.Name idx = s.nameAt(u + 2);
      slipway.core.catalog.Catalog.Index index = idx == null ? null : c.index(idx);
      if (index == null || index.unique) continue;
      out.add(Finding.of(INFO, a.span(), "index \"" + idx + "\" is not unique, so this statement fails")
          .instead("CREATE UNIQUE INDEX CONCURRENTLY " + idx.raw() + "_unique ON " + at.table().raw() + " (…);\n"
              + "ALTER TABLE " + at.table().raw() + " " + s.textOf(a.from(), u) + "USING INDEX " + idx.raw() + "_unique;"));
    }
    return out;
  }
}
