package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.catalog.Catalog;

/** Changing the type of a column a view uses: PostgreSQL refuses. */
public final class AlterColumnTypeUnderView implements Rule {
  static final RuleInfo INFO = new RuleInfo("alter-column-type-under-view",
      "Type change of a column a view uses fails", Severity.ERROR, PgVersions.ALL,
      "PostgreSQL cannot change the type of a column that a view or rule depends on "
          + "(ERROR: cannot alter type of a column used by a view or rule): the deploy fails.",
      "DROP VIEW order_totals;\n"
          + "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);\n"
          + "CREATE VIEW order_totals AS SELECT …;  -- same transaction, recreated with the new type");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    AlterTable at = TableSyntax.alterTable(c);
    if (at == null) return out;
    Statement s = c.statement();
    Catalog.Relation r = c.relation(at.table());
    if (r == null) return out;
    for (AlterTableAction a : at.actions()) {
      if (!(a instanceof AlterTableAction.AlterColumnType change)) continue;
      String column = change.column();
      for (Catalog.Relation v : c.catalog().dependentViews(r.key)) {
        if (!v.readColumns.contains(column)) continue;
        boolean materialized = v.kind == Catalog.Kind.MATERIALIZED_VIEW;
        String name = v.name.display();
        out.add(Finding.of(INFO, s.inFile(a.span()), "fails: " + (materialized ? "materialized view" : "view") + " \""
                + name + "\" uses \"" + at.table().name() + "\".\"" + column + "\"")
            .instead("DROP " + (materialized ? "MATERIALIZED VIEW " : "VIEW ") + name + ";\n"
                + s.text() + ";\nCREATE " + (materialized ? "MATERIALIZED VIEW " : "VIEW ") + name
                + " AS …;  -- in the same transaction"));
        break;
      }
    }
    return out;
  }
}
