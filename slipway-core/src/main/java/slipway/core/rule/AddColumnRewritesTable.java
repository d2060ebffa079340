package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.sql.Volatilities;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.ColumnDef;
import slipway.core.sql.syntax.Expression;
import slipway.core.sql.syntax.Volatility;

/** ADD COLUMN that makes PostgreSQL rewrite an existing table under an ACCESS EXCLUSIVE lock. */
public final class AddColumnRewritesTable implements Rule {
  static final RuleInfo INFO = new RuleInfo("add-column-rewrites-table",
      "Column added with a volatile default rewrites the table", Severity.ERROR, PgVersions.ALL,
      "ADD COLUMN with a volatile default (gen_random_uuid(), random(), clock_timestamp()), a serial type, "
          + "an identity or a stored generated column, a domain type with a CHECK — or any default before PostgreSQL 11 — rewrites every "
          + "row while holding an ACCESS EXCLUSIVE lock: reads and writes wait for the whole rewrite.",
      "ALTER TABLE orders ADD COLUMN token uuid;                       -- instant\n"
          + "ALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();  -- new rows only\n"
          + "-- backfill existing rows in batches: slipway backfill …");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    Statement s = c.statement();
    AlterTable at = TableSyntax.alterTable(s);
    if (at == null || !c.existing(at.table())) return out;
    String t = TableSyntax.table(s, at);
    for (TableSyntax.NewColumn col : TableSyntax.newColumns(s)) {
      ColumnDef d = col.def();
      String type = TableSyntax.type(s, d.typeSpan());
      String cause = null;
      if (d.isSerial()) cause = "a " + TableSyntax.baseType(type) + " column fills every row from a sequence";
      else if (d.identity() != null) cause = "an identity column fills every row from a sequence";
      else if (d.generated() != null && d.generatedStored()) cause = "a stored generated column is computed for every row";
      else if (d.defaultValue() != null && d.defaultValue().volatility() == Volatility.VOLATILE) {
        String fn = volatileCall(d.defaultValue());
        if (fn != null) cause = "the default " + fn + " is volatile, so it is evaluated for every existing row";
      }
      boolean domain = false;
      if (cause == null && d.type() != null
          && TableSyntax.facts(c, at, col.action()).facts().contains("alter-table-add-column-domain-with-check")) {
        cause = "its type " + type + " is a domain with a CHECK, so every row is rewritten to check it";
        domain = true;
      }
      if (cause == null) continue;
      // The lock model has the last word on whether the table is rewritten (ADD COLUMN IF NOT EXISTS of a
      // column that exists is a no-op; a stable default is a fast default).
      if (!TableSyntax.facts(c, at, col.action()).rewrite()) continue;
      String colRaw = TableSyntax.name(s, d);
      if (domain) {
        slipway.core.catalog.Catalog.Domain dom = c.catalog().domains().get(
            new slipway.core.catalog.Name(null, d.type().name()).key());
        String base = dom == null || dom.baseType == null ? "<the domain's base type>" : dom.baseType;
        out.add(Finding.of(INFO, s.inFile(d.span()), "rewrites \"" + at.table() + "\" with reads and writes blocked until "
                + "every row is rewritten: " + cause)
            .instead("ALTER TABLE " + t + " ADD COLUMN " + colRaw + " " + base + ";  -- the domain's base type: instant\n"
                + "-- then enforce the domain's CHECK on " + colRaw + " as a table CHECK: ADD CONSTRAINT … CHECK (…) NOT VALID, "
                + "and VALIDATE CONSTRAINT in its own transaction"));
        continue;
      }
      out.add(Finding.of(INFO, s.inFile(d.span()), "rewrites \"" + at.table() + "\" with reads and writes blocked until "
              + "every row is rewritten: " + cause)
          .instead("ALTER TABLE " + t + " ADD COLUMN " + colRaw + " " + type + ";\n"
              + (d.defaultValue() != null ? "ALTER TABLE " + t + " ALTER COLUMN " + colRaw + " SET DEFAULT "
                  + d.defaultValue().text() + ";\n" : "")
              + "-- then backfill existing rows in batches (slipway backfill), in a later migration"));
    }
    return out;
  }

  /** The first volatile function the expression calls, as {@code name()}, or null. */
  private static String volatileCall(Expression e) {
    for (String f : e.functions()) {
      if (Volatilities.of(f) == Volatility.VOLATILE) return f.substring(f.lastIndexOf('.') + 1) + "()";
    }
    return null;
  }
}
