package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.lock.StatementFacts;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.SetVariable;
import slipway.core.sql.syntax.TypeName;

/** ALTER COLUMN … TYPE that rewrites (or scans) an existing table. */
public final class AlterColumnTypeRewritesTable implements Rule {
  static final RuleInfo INFO = new RuleInfo("alter-column-type-rewrites-table",
      "Column type change rewrites the table with reads and writes blocked", Severity.ERROR, PgVersions.ALL,
      "Changing a column's type rewrites every row and rebuilds every index while holding an ACCESS EXCLUSIVE "
          + "lock: reads and writes wait for the whole rewrite. Only binary-compatible changes are instant "
          + "(varchar(n) to a longer varchar or text, numeric precision increase, cidr to inet).",
      "ALTER TABLE orders ADD COLUMN amount_new bigint;\n"
          + "-- write both columns from the application (or a trigger), backfill in batches,\n"
          + "-- switch reads, then drop the old column in a later release");

  @Override public RuleInfo info() { return INFO; }

  /** True when an earlier statement of the migration set the session time zone to UTC. */
  static boolean utcBefore(Context c) {
    for (int i = 0; i < c.index(); i++) {
      if (c.migration().get(i).syntax() instanceof SetVariable set && set.name().equals("timezone")
          && set.value() != null && set.value().toUpperCase(java.util.Locale.ROOT).contains("UTC")) return true;
    }
    return false;
  }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    AlterTable at = TableSyntax.alterTable(c);
    if (at == null || !c.existing(at.table())) return out;
    Statement s = c.statement();
    String t = TableSyntax.table(s, at);
    for (AlterTableAction a : at.actions()) {
      if (!(a instanceof AlterTableAction.AlterColumnType change)) continue;
      String newType = s.textOf(change.typeSpan());
      String old = c.columnType(at.table(), change.column());
      String colRaw = s.textOf(change.columnSpan());
      // Whether it rewrites is the lock model's verdict for this action (a LockFacts row proven on the server).
      StatementFacts facts = TableSyntax.facts(c, at, a);
      if (!facts.rewrite()) {
        String to = change.type().name();
        boolean toTz = old != null && old.startsWith("timestamp") && !old.startsWith("timestamptz")
            && to.equals("timestamp with time zone");
        boolean fromTz = old != null && old.startsWith("timestamptz")
            && (to.equals("timestamp") || to.equals("timestamp without time zone"));
        if ((toTz || fromTz) && c.pgVersion() >= 12 && !utcBefore(c)) {
          // Binary-coercible only when the session time zone is UTC (the model's facts assume a UTC session):
          // a warning, since it depends on a setting lint cannot see.
          out.add(Finding.of(INFO, s.inFile(a.span()), "rewrites \"" + at.table() + "\" and rebuilds its indexes with "
                  + "reads and writes blocked (" + old + " to " + newType + ") unless the session time zone is UTC; the "
                  + "rewrite grows with the table")
              .instead("SET TimeZone = 'UTC';  -- PostgreSQL 12+: then no rewrite, existing values read as UTC\n"
                  + s.text() + ";")
              .withSeverity(Severity.WARNING));
        }
        continue;
      }
      Finding f = Finding.of(INFO, s.inFile(a.span()), "rewrites \"" + at.table() + "\" and rebuilds its indexes with "
              + "reads and writes blocked (" + (old == null ? "" : old + " to ") + newType + "); the rewrite grows with "
              + "the table" + (old == null ? unknownOld(newType) : ""))
          .instead("ALTER TABLE " + t + " ADD COLUMN " + colRaw + "_new " + newType + ";\n"
              + "-- write both columns, backfill " + colRaw + "_new in batches, switch reads, then in a later release:\n"
              + "ALTER TABLE " + t + " DROP COLUMN " + colRaw + ";\n"
              + "ALTER TABLE " + t + " RENAME COLUMN " + colRaw + "_new TO " + colRaw + ";");
      // Without the column's current type, a change to an unbounded string or numeric type is most often a
      // widening that needs no rewrite: say so at warning, not error.
      if (old == null && change.using() == null && likelyWidening(change.type())) f = f.withSeverity(Severity.WARNING);
      out.add(f);
    }
    return out;
  }

  private static String unknownOld(String newType) {
    return "; Slipway does not know the column's current type (no migration it read creates it): if it is "
        + "binary-coercible to " + newType + " (varchar to text, a longer varchar) nothing is rewritten. "
        + "Lint with --url, or with the migrations that create the table, to know";
  }

  /** Types a change with an unknown old type most likely widens into (string, numeric and bit strings). */
  static boolean likelyWidening(TypeName to) {
    return !to.isArray() && switch (to.name()) {
      case "text", "character varying", "numeric", "bit varying" -> true;
      default -> false;
    };
  }
}
