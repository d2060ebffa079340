package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** ADD COLUMN that makes PostgreSQL rewrite an existing table under an ACCESS EXCLUSIVE lock. */
public final class AddColumnRewritesTable implements Rule {
  static final RuleInfo INFO = new RuleInfo("add-column-rewrites-table",
      "Column added with a volatile default rewrites the table", Severity.ERROR, PgVersions.ALL,
      "ADD COLUMN with a volatile default (gen_random_uuid(), random(), clock_timestamp()), a serial type, "
          + "an identity or a stored generated column — or any default before PostgreSQL 11 — rewrites every "
          + "row while holding an ACCESS EXCLUSIVE lock: reads and writes wait for the whole rewrite.",
      "ALTER TABLE orders ADD COLUMN token uuid;                       -- instant\n"
          + "ALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();  -- new rows only\n"
          + "-- backfill existing rows in batches: slipway backfill …");

  private static final Set<String> SERIALS = Set.of("serial", "bigserial", "smallserial", "serial4", "serial8", "serial2");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    Statement s = c.statement();
    if (!s.startsWith("ALTER", "TABLE")) return out;
    AlterTable at = AlterTable.of(s);
    for (ColumnDef col : ColumnDef.in(s)) {
      if (!c.existing(col.table())) continue;
      String cause = null;
      int def = col.find("DEFAULT");
      if (SERIALS.contains(col.baseType())) cause = "a " + col.baseType() + " column fills every row from a sequence";
      else if (col.has("GENERATED") && col.has("IDENTITY")) cause = "an identity column fills every row from a sequence";
      else if (col.has("GENERATED") && col.has("STORED")) cause = "a stored generated column is computed for every row";
      else if (def >= 0) {
        String fn = Volatility.volatileCall(s, def + 1, col.to());
        if (fn != null) cause = "the default " + fn + " is volatile, so it is evaluated for every existing row";
      }
      if (cause == null) continue;
      // The lock model has the last word on whether the table is rewritten (ADD COLUMN IF NOT EXISTS of a
      // column that exists is a no-op; a stable default is a fast default).
      AlterTable.Action action = actionOf(at, col);
      if (action != null && !c.factsOf(at.table().raw(), action.text(), at.actions().size()).rewrite()) continue;
      String t = col.table().raw();
      out.add(Finding.of(INFO, col.span(), "rewrites \"" + col.table() + "\" with reads and writes blocked until "
              + "every row is rewritten: " + cause)
          .instead("ALTER TABLE " + t + " ADD COLUMN " + col.columnRaw() + " " + col.type() + ";\n"
              + (def >= 0 ? "ALTER TABLE " + t + " ALTER COLUMN " + col.columnRaw() + " SET DEFAULT "
                  + s.textOf(def + 1, defaultEnd(s, def + 1, col.to())) + ";\n" : "")
              + "-- then backfill existing rows in batches (slipway backfill), in a later migration"));
    }
    return out;
  }

  private static AlterTable.Action actionOf(AlterTable at, ColumnDef col) {
    if (at == null) return null;
    for (AlterTable.Action a : at.actions()) if (a.from() <= col.name() && col.name() < a.to()) return a;
    return null;
  }

  static int defaultEnd(Statement s, int from, int to) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      Token t = s.token(i);
      if (t.isSymbol("(")) depth++;
      else if (t.isSymbol(")")) depth--;
      else if (depth == 0 && Context.endsColumnType(t) && i > from) return i;
    }
    return to;
  }
}
