package slipway.engine.backfill;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expand-contract gate: a contract migration declares the backfill it depends on with a
 * header comment, and {@code migrate} refuses to apply it until that backfill is finished and
 * verified (see docs/backfill.md, "Expand, backfill, contract").
 *
 * <pre>
 * -- slipway:requires-backfill=users_email_normalized
 * ALTER TABLE users ALTER COLUMN email_normalized SET NOT NULL;
 * </pre>
 */
public final class BackfillGate {
  /** {@code -- slipway:requires-backfill=<name>}, one per line, anywhere in the file's leading comments. */
  private static final Pattern REQUIRES =
      Pattern.compile("^\\s*--\\s*slipway:requires-backfill\\s*=\\s*(\\S+)\\s*$", Pattern.MULTILINE);

  private BackfillGate() {}

  /** Whether backfill {@code name} (state in schema {@code public}) finished and verified that no row is left. */
  public static boolean isFinished(Connection connection, String name) throws SQLException {
    return isFinished(connection, name, "public");
  }

  public static boolean isFinished(Connection connection, String name, String stateSchema) throws SQLException {
    BackfillStore.Row row = new BackfillStore(stateSchema).load(connection, name);
    return row != null && row.status().equals("finished");
  }

  /** The state of a backfill in words, for a refusal message: "not started", "running, 40% …". */
  public static String describe(Connection connection, String name, String stateSchema) throws SQLException {
    BackfillStore.Row row = new BackfillStore(stateSchema).load(connection, name);
    if (row == null) {
      return "not started (no row in " + stateSchema + "." + BackfillStore.TABLE + ")";
    }
    return row.status() + ", " + row.rowsDone() + " rows done" + (row.message() == null ? "" : ", " + row.message());
  }

  /**
   * The backfills a migration's source requires, from its {@code -- slipway:requires-backfill=}
   * lines before the first statement.
   */
  public static List<String> requiredBackfills(String migrationSource) {
    List<String> out = new ArrayList<>();
    StringBuilder header = new StringBuilder();
    for (String line : migrationSource.split("\n", -1)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("--")) {
        header.append(line).append('\n');
      } else {
        break;
      }
    }
    Matcher m = REQUIRES.matcher(header);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
