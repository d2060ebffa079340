package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;

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
    AlterTable at = AlterTable.of(c.statement());
    if (at == null || !c.existing(at.table())) return out;
    Statement s = c.statement();
    for (AlterTable.Action a : at.actions()) {
      if (!a.is("DROP") || a.is("DROP", "CONSTRAINT") || a.is("DROP", "DEFAULT") || a.is("DROP", "NOT")) continue;
      if (a.is("DROP", "IDENTITY") || a.is("DROP", "EXPRESSION")) continue;
      int col = Names.afterIfExists(s, s.matches(a.from() + 1, "COLUMN") ? a.from() + 2 : a.from() + 1);
      if (s.token(col) == null || !s.token(col).isIdentifier()) continue;
      out.add(Finding.of(INFO, a.span(), "the running application may still use \"" + at.table() + "\".\""
              + s.token(col).name() + "\"; its queries fail, and the data cannot be brought back")
          .instead("-- first release code that no longer uses " + s.token(col).text()
              + ", then drop it in a later migration"));
    }
    return out;
  }
}
