package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;

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
    AlterTable at = AlterTable.of(c.statement());
    if (at == null || !c.existing(at.table())) return out;
    Statement s = c.statement();
    for (AlterTable.Action a : at.actions()) {
      if (!a.is("RENAME") || a.is("RENAME", "TO") || a.is("RENAME", "CONSTRAINT")) continue;
      int col = s.matches(a.from() + 1, "COLUMN") ? a.from() + 2 : a.from() + 1;
      int to = a.find("TO");
      if (to < 0 || s.token(col) == null || s.token(to + 1) == null) continue;
      String oldName = s.token(col).text();
      String newName = s.token(to + 1).text();
      String type = c.columnType(at.table(), s.token(col).name());
      out.add(Finding.of(INFO, a.span(), "the running application still uses \"" + at.table() + "\".\""
              + s.token(col).name() + "\": its queries fail until every instance runs the new code")
          .instead("ALTER TABLE " + at.table().raw() + " ADD COLUMN " + newName + " " + (type == null ? "<type>" : type)
              + ";\n-- write both columns, backfill " + newName + " in batches, switch reads; one release later:\n"
              + "ALTER TABLE " + at.table().raw() + " DROP COLUMN " + oldName + ";"));
    }
    return out;
  }
}
