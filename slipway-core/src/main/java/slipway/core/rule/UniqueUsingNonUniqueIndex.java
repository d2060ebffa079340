package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.catalog.Catalog;
import slipway.core.sql.Span;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.Constraint;
import slipway.core.sql.syntax.QualifiedName;

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
    AlterTable at = TableSyntax.alterTable(c);
    if (at == null) return out;
    Statement s = c.statement();
    for (AlterTableAction a : at.actions()) {
      if (!(a instanceof AlterTableAction.AddConstraint add) || add.constraint().usingIndex() == null) continue;
      Constraint k = add.constraint();
      Catalog.Index index = c.index(QualifiedName.of(k.usingIndex()));
      if (index == null || index.unique) continue;
      String idx = s.textOf(k.usingIndexSpan());
      // The action as written up to USING INDEX: "ADD CONSTRAINT orders_number_key UNIQUE ".
      Span head = new Span(a.span().file(), a.span().line(), a.span().column(), a.span().offset(),
          k.usingIndexSpan().offset() - a.span().offset());
      String upToUsing = s.textOf(head).replaceFirst("(?i)USING\\s+INDEX\\s*$", "");
      String t = TableSyntax.table(s, at);
      out.add(Finding.of(INFO, s.inFile(a.span()), "index \"" + k.usingIndex() + "\" is not unique, so this statement "
              + "fails")
          .instead("CREATE UNIQUE INDEX CONCURRENTLY " + idx + "_unique ON " + t + " (…);\n"
              + "ALTER TABLE " + t + " " + upToUsing + "USING INDEX " + idx + "_unique;"));
    }
    return out;
  }
}
