package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;

/** RENAME COLUMN on an existing table: the running application still uses the old name. */
public final class RenameColumnBreaksApp implements Rule {
  static final RuleInfo INFO = new RuleInfo("rename-column-breaks-app",
      "Renaming a column breaks the running application", Severity.WARNING, PgVersions.ALL,
      "During a deploy the old application version keeps running and still reads and writes the old column "
          + "name: its queries fail from the moment the rename commits until every instance is replaced.",
      "ALTER TABLE users ADD COLUMN email_address text;  -- expand: write both, backfill, switch reads\n"
          + "-- contract, one release later: ALTER TABLE users DROP COLUMN email;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    if (c.downMigration()) return out;
    AlterTable at = TableSyntax.alterTable(c);
    if (at == null || !c.existing(at.table())) return out;
    Statement s = c.statement();
    String t = TableSyntax.table(s, at);
    for (AlterTableAction a : at.actions()) {
      if (!(a instanceof AlterTableAction.RenameColumn rename)) continue;
      String oldName = s.textOf(rename.columnSpan());
      String newName = s.textOf(rename.newNameSpan());
      String type = c.columnType(at.table(), rename.column());
      out.add(Finding.of(INFO, s.inFile(a.span()), "the running application still uses \"" + at.table() + "\".\""
              + rename.column() + "\": its queries fail until every instance runs the new code")
          .instead("ALTER TABLE " + t + " ADD COLUMN " + newName + " " + (type == null ? "<type>" : type)
              + ";\n-- write both columns, backfill " + newName + " in batches, switch reads; one release later:\n"
              + "ALTER TABLE " + t + " DROP COLUMN " + oldName + ";"));
    }
    return out;
  }
}
