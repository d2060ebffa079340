package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.catalog.Catalog;
import slipway.core.lock.StatementFacts;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.Constraint;

/**
 * ADD PRIMARY KEY (USING INDEX or not) on an existing table where a key column may hold NULLs: PostgreSQL
 * sets NOT NULL on it, reading every row under ACCESS EXCLUSIVE (lock model facts
 * {@code alter-table-add-primary-key-using-index-nullable}, {@code alter-table-add-primary-key}).
 */
public final class PrimaryKeySetsNotNull implements Rule {
  static final RuleInfo INFO = new RuleInfo("primary-key-sets-not-null",
      "PRIMARY KEY on a nullable column scans the table with reads and writes blocked", Severity.ERROR,
      PgVersions.ALL,
      "A primary key's columns must be NOT NULL, so ADD PRIMARY KEY — even USING INDEX an index built "
          + "CONCURRENTLY — first sets NOT NULL on every nullable key column, reading every row while it holds an "
          + "ACCESS EXCLUSIVE lock: reads and writes wait for the whole scan. Make the columns NOT NULL first with a "
          + "validated CHECK (col IS NOT NULL), which lets SET NOT NULL skip the scan.",
      "ALTER TABLE orders ADD CONSTRAINT orders_id_not_null CHECK (id IS NOT NULL) NOT VALID;\n"
          + "ALTER TABLE orders VALIDATE CONSTRAINT orders_id_not_null;\n"
          + "ALTER TABLE orders ALTER COLUMN id SET NOT NULL;\n"
          + "ALTER TABLE orders DROP CONSTRAINT orders_id_not_null;\n"
          + "ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    if (!(c.syntax() instanceof AlterTable at) || !at.objectType().equals("TABLE") || !c.existing(at.table())) {
      return out;
    }
    Catalog.Relation r = c.relation(at.table());
    if (r == null) return out;
    String t = SqlText.name(at.table());
    // SET NOT NULL in the same statement checks those columns already (set-not-null-scans-table's finding).
    java.util.Set<String> setNotNull = new java.util.HashSet<>();
    for (AlterTableAction a : at.actions()) {
      if (a instanceof AlterTableAction.SetNotNull sn) setNotNull.add(sn.column());
    }
    for (AlterTableAction a : at.actions()) {
      if (!(a instanceof AlterTableAction.AddConstraint ac)) continue;
      Constraint pk = ac.constraint();
      if (pk.kind() != Constraint.ConstraintKind.PRIMARY_KEY) continue;
      StatementFacts f = c.factsOf(t, SqlText.text(c, a.span()), at.actions().size());
      List<String> columns;
      if (pk.usingIndex() != null) {
        if (!f.facts().contains("alter-table-add-primary-key-using-index-nullable")) continue;
        Catalog.Index idx = c.catalog().index(new slipway.core.catalog.Name(at.table().schema(), pk.usingIndex()).key());
        if (idx == null) continue;
        columns = idx.columns;
      } else {
        if (!f.facts().contains("alter-table-add-primary-key")) continue;
        columns = pk.columns();
      }
      List<String> nullable = nullable(r, columns, setNotNull);
      if (nullable.isEmpty()) continue;
      List<String> steps = notNullSteps(at, nullable);
      if (pk.usingIndex() != null) {
        steps.add("ALTER TABLE " + t + " " + SqlText.text(c, a.span()));
      } else {
        String name = pk.name() != null ? pk.name() : at.table().name() + "_pkey";
        String idx = SqlText.ident(name);
        steps.add("CREATE UNIQUE INDEX CONCURRENTLY " + idx + " ON " + t + " (" + SqlText.idents(pk.columns()) + ")");
        steps.add("ALTER TABLE " + t + " ADD CONSTRAINT " + idx + " PRIMARY KEY USING INDEX " + idx);
      }
      String cols = String.join("\", \"", nullable);
      out.add(Finding.of(INFO, c.statement().inFile(a.span()), "the primary key sets NOT NULL on \"" + cols + "\": "
              + "reads and writes on \"" + at.table() + "\" wait while every row is checked for NULLs; the scan grows "
              + "with the table")
          .instead(SqlText.script(steps.toArray(String[]::new))));
    }
    return out;
  }

  /** The key columns that may hold NULL: not NOT NULL, not proven by a validated CHECK, not SET NOT NULL beside. */
  static List<String> nullable(Catalog.Relation r, List<String> columns, java.util.Set<String> setNotNull) {
    List<String> out = new ArrayList<>();
    for (String col : columns) {
      Catalog.Column column = col == null ? null : r.columns.get(col);
      if (column != null && !column.notNull && !proven(r, col) && !setNotNull.contains(col)) out.add(col);
    }
    return out;
  }

  /** CHECK (col IS NOT NULL) NOT VALID, VALIDATE, SET NOT NULL (no scan), DROP CHECK, for each column. */
  static List<String> notNullSteps(AlterTable at, List<String> columns) {
    String t = SqlText.name(at.table());
    List<String> steps = new ArrayList<>();
    for (String col : columns) {
      String cname = SqlText.ident(Names.constraint(at.table().name(), col, "not_null"));
      String k = SqlText.ident(col);
      steps.add("ALTER TABLE " + t + " ADD CONSTRAINT " + cname + " CHECK (" + k + " IS NOT NULL) NOT VALID");
      steps.add("ALTER TABLE " + t + " VALIDATE CONSTRAINT " + cname);
      steps.add("ALTER TABLE " + t + " ALTER COLUMN " + k + " SET NOT NULL");
      steps.add("ALTER TABLE " + t + " DROP CONSTRAINT " + cname);
    }
    return steps;
  }

  /** A validated CHECK (col IS NOT NULL) (or, on 18, a NOT NULL constraint) already proves the column. */
  private static boolean proven(Catalog.Relation r, String column) {
    for (Catalog.Constraint con : r.constraints) {
      if (con.validated && column.equals(con.notNullColumn)) return true;
    }
    return false;
  }
}
