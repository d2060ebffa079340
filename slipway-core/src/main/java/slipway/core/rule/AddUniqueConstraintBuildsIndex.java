package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.lock.StatementFacts;
import slipway.core.sql.Span;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.ColumnDef;
import slipway.core.sql.syntax.Constraint;

/** UNIQUE or PRIMARY KEY added to an existing table by building its index under the table lock. */
public final class AddUniqueConstraintBuildsIndex implements Rule {
  static final RuleInfo INFO = new RuleInfo("add-unique-constraint-builds-index",
      "UNIQUE/PRIMARY KEY builds its index with reads and writes blocked", Severity.ERROR, PgVersions.ALL,
      "ADD CONSTRAINT … UNIQUE or PRIMARY KEY builds a unique index while holding an ACCESS EXCLUSIVE lock: "
          + "reads and writes wait for the whole build. Build the index CONCURRENTLY first, then attach it with "
          + "USING INDEX, which is instant.",
      "CREATE UNIQUE INDEX CONCURRENTLY orders_number_key ON orders (number);\n"
          + "ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE USING INDEX orders_number_key;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    AlterTable at = TableSyntax.alterTable(c);
    if (at == null || !c.existing(at.table())) return out;
    Statement s = c.statement();
    String t = TableSyntax.table(s, at);
    for (AlterTableAction a : at.actions()) {
      if (a instanceof AlterTableAction.AddColumn add) {
        // ADD COLUMN … UNIQUE / PRIMARY KEY builds the index in the same statement, under its exclusive lock.
        ColumnDef d = add.definition();
        boolean pk = TableSyntax.constraint(d, Constraint.ConstraintKind.PRIMARY_KEY) != null;
        if (!pk && TableSyntax.constraint(d, Constraint.ConstraintKind.UNIQUE) == null) continue;
        StatementFacts facts = TableSyntax.facts(c, at, a);
        if (!facts.scan() || !facts.blocksReads()) continue;
        String col = TableSyntax.name(s, d);
        String idx = at.table().name() + "_" + d.name() + (pk ? "_pkey" : "_key");
        out.add(Finding.of(INFO, s.inFile(a.span()), "reads and writes on \"" + at.table() + "\" wait while the "
                + (pk ? "primary key" : "unique") + " index on the new column is built; the build grows with the table")
            .instead("ALTER TABLE " + t + " ADD COLUMN " + col + " " + TableSyntax.type(s, d.typeSpan()) + ";\n"
                + "-- fill it, then:\nCREATE UNIQUE INDEX CONCURRENTLY " + idx + " ON " + t + " (" + col + ");\n"
                + "ALTER TABLE " + t + " ADD CONSTRAINT " + idx + (pk ? " PRIMARY KEY" : " UNIQUE") + " USING INDEX "
                + idx + ";"));
        continue;
      }
      if (!(a instanceof AlterTableAction.AddConstraint add)) continue;
      Constraint k = add.constraint();
      boolean unique = k.kind() == Constraint.ConstraintKind.UNIQUE;
      if (!unique && k.kind() != Constraint.ConstraintKind.PRIMARY_KEY) continue;
      if (k.usingIndex() != null || k.columnsSpan() == null) continue;
      // That the index is built from every row with reads and writes blocked is the lock model's verdict.
      StatementFacts facts = TableSyntax.facts(c, at, a);
      if (!facts.scan() || !facts.blocksReads()) continue;
      String cols = s.textOf(k.columnsSpan());
      String word = unique ? "UNIQUE" : "PRIMARY KEY";
      String cname = k.name() != null ? s.textOf(k.nameSpan()) : at.table().name() + "_" + (unique ? "key" : "pkey");
      String recipe = "CREATE UNIQUE INDEX CONCURRENTLY " + cname + " ON " + t + " " + cols + ";\n"
          + "ALTER TABLE " + t + " ADD CONSTRAINT " + cname + " " + word + " USING INDEX " + cname;
      // A primary key on nullable columns would still scan under USING INDEX: make them NOT NULL first
      // (primary-key-sets-not-null reports that part).
      slipway.core.catalog.Catalog.Relation rel = c.relation(at.table());
      if (!unique && rel != null) {
        java.util.Set<String> setNotNull = new java.util.HashSet<>();
        for (AlterTableAction o : at.actions()) {
          if (o instanceof AlterTableAction.SetNotNull sn) setNotNull.add(sn.column());
        }
        List<String> nullable = PrimaryKeySetsNotNull.nullable(rel, k.columns(), setNotNull);
        if (!nullable.isEmpty()) {
          recipe = String.join(";\n", PrimaryKeySetsNotNull.notNullSteps(at, nullable)) + ";\n" + recipe;
        }
      }
      Finding f = Finding.of(INFO, s.inFile(a.span()), "reads and writes on \"" + at.table() + "\" wait while the "
          + "unique index is built; the build grows with the table").instead(recipe + ";");
      if (unique && at.actions().size() == 1 && !c.inTransaction() && onlyColumns(s, k)) {
        f = f.withFix(Fix.replace("build the unique index CONCURRENTLY, then attach it", s.span().offset(),
            s.span().length(), recipe));
      }
      out.add(f);
    }
    return out;
  }

  /**
   * True when the constraint is just {@code [CONSTRAINT name] UNIQUE (columns)}: the recipe keeps only the
   * columns, so NULLS [NOT] DISTINCT, INCLUDE, WITH (…) or DEFERRABLE get no automatic fix.
   */
  private static boolean onlyColumns(Statement s, Constraint k) {
    int from = k.nameSpan() != null ? k.nameSpan().end() : k.span().offset();
    Span cols = k.columnsSpan();
    if (cols.end() != k.span().end() || cols.offset() < from) return false;
    String between = s.textOf(new Span(cols.file(), cols.line(), cols.column(), from, cols.offset() - from));
    return between.strip().equalsIgnoreCase("UNIQUE");
  }
}
