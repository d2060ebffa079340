package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;

/** DROP COLUMN on an existing table. */
public final class DropColumnBreaksApp implements Rule {
  static final RuleInfo INFO = new RuleInfo("drop-column-breaks-app",
      "Dropping a column breaks the running application", Severity.WARNING, PgVersions.ALL,
      "The application version that is still running may read or write the column (ORMs list every column "
          + "in INSERT and SELECT): its queries fail until every instance runs code that no longer uses it. "
          + "The data is gone, so rolling back the code does not help.",
      "-- release 1: stop reading and writing the column (Rails: ignored_columns, Django: remove the field)\n"
          + "-- release 2, after every instance runs release 1:\n"
          + "ALTER TABLE users DROP COLUMN legacy_flag;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    if (c.downMigration()) return out;
    AlterTable at = TableSyntax.alterTable(c);
    if (at == null || !c.existing(at.table())) return out;
    Statement s = c.statement();
    for (AlterTableAction a : at.actions()) {
      if (!(a instanceof AlterTableAction.DropColumn drop)) continue;
      out.add(Finding.of(INFO, s.inFile(a.span()), "the running application may still use \"" + at.table() + "\".\""
              + drop.column() + "\"; its queries fail, and the data cannot be brought back")
          .instead("-- first release code that no longer uses " + s.textOf(drop.columnSpan())
              + ", then drop it in a later migration"));
    }
    return out;
  }
}
