package slipway.core.rule;

import java.util.List;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;

/** ALTER TABLE … RENAME TO (or ALTER SCHEMA … RENAME) on an existing object. */
public final class RenameTableBreaksApp implements Rule {
  static final RuleInfo INFO = new RuleInfo("rename-table-breaks-app",
      "Renaming a table breaks the running application", Severity.WARNING, PgVersions.ALL,
      "The application version that is still running queries the old name: its queries fail from the moment "
          + "the rename commits until every instance runs the new code.",
      "ALTER TABLE customers RENAME TO clients;\n"
          + "CREATE VIEW customers AS SELECT * FROM clients;  -- old name keeps working (simple views are updatable)\n"
          + "-- one release later: DROP VIEW customers;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (c.downMigration()) return List.of();
    Statement s = c.statement();
    if (c.syntax() instanceof slipway.core.sql.syntax.OtherCommand other && other.command().equals("ALTER_SCHEMA_RENAME")) {
      return List.of(Finding.of(INFO, s.span(), "the running application still uses schema \"" + other.object().name()
          + "\": its queries fail until every instance runs the new code"));
    }
    AlterTable at = TableSyntax.alterTable(s);
    if (at == null || !c.existing(at.table())) return List.of();
    for (AlterTableAction a : at.actions()) {
      if (!(a instanceof AlterTableAction.RenameTo rename)) continue;
      return List.of(Finding.of(INFO, s.inFile(a.span()), "the running application still queries \"" + at.table()
              + "\": its queries fail until every instance runs the new code")
          .instead(s.text() + ";\nCREATE VIEW " + TableSyntax.table(s, at) + " AS SELECT * FROM "
              + s.textOf(rename.newNameSpan()) + ";  -- drop it one release later"));
    }
    return List.of();
  }
}
