package slipway.engine.backfill;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import slipway.core.BadInputException;

/**
 * {@code backfill status | pause | resume | cancel}: reads and changes the state row. A running
 * runner sees the change after its current batch (it reads its status in each batch's transaction).
 */
public final class BackfillControl {
  private final Backfill.Connector connector;
  private final BackfillStore store;

  private BackfillControl(Backfill.Connector connector, String stateSchema) {
    this.connector = connector;
    this.store = new BackfillStore(stateSchema);
  }

  public static BackfillControl of(Backfill.Connector connector, String stateSchema) {
    return new BackfillControl(connector, stateSchema);
  }

  /** One backfill as the state table and the lock table see it. */
  public record Status(String name, String table, List<String> key, String set, String where, String template,
      String status, int pass, List<String> cursor, long keysDone, long rowsDone, long batches, Integer batchSize,
      Double rowsPerSecond, int skipped, Long remaining, String message, OffsetDateTime updatedAt, int runnerPid) {
    public boolean runnerAttached() {
      return runnerPid != 0;
    }
  }

  /** All backfills (name null) or one. */
  public List<Status> status(String name) {
    try (Connection c = connector.connect()) {
      List<Status> out = new ArrayList<>();
      List<BackfillStore.Row> rows = name == null ? store.all(c) : optional(store.load(c, name));
      if (name != null && rows.isEmpty()) {
        throw missing(name);
      }
      for (BackfillStore.Row r : rows) {
        out.add(new Status(r.name(), r.table(), r.keyColumns(), r.set(), r.where(), r.template(), r.status(),
            r.pass(), r.cursor(), r.keysDone(), r.rowsDone(), r.batches(), r.batchSize(), r.rowsPerSecond(),
            r.skipped(), r.remaining(), r.message(), r.updatedAt(), store.runnerPid(c, r.name())));
      }
      return out;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Running → paused. Returns the message to print. */
  public String pause(String name) {
    return change(name, "paused", "paused; the runner holds after its current batch", "running");
  }

  /** Paused → running. */
  public String resume(String name) {
    return change(name, "running", "resumed", "paused");
  }

  /** Running or paused → cancelled: the runner stops after its current batch; rows done stay done. */
  public String cancel(String name) {
    return change(name, "cancelled", "cancelled; rows already updated stay updated", "running", "paused", "unverified");
  }

  private String change(String name, String to, String said, String... from) {
    try (Connection c = connector.connect()) {
      BackfillStore.Row row = store.load(c, name);
      if (row == null) {
        throw missing(name);
      }
      if (!store.setStatus(c, name, to, null, from)) {
        throw new BadInputException("backfill " + name, "is " + row.status() + ", cannot become " + to
            + " (only from " + String.join(" or ", from) + ")");
      }
      int pid = store.runnerPid(c, name);
      String runner = pid != 0 ? " (runner pid " + pid + ")"
          : to.equals("running") ? "; no runner is attached: start one with slipway backfill run --name " + name : "";
      return "backfill " + name + ": " + said + runner;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static List<BackfillStore.Row> optional(BackfillStore.Row row) {
    return row == null ? List.of() : List.of(row);
  }

  private BadInputException missing(String name) {
    return new BadInputException("backfill " + name, "no such backfill in " + store.schema() + "."
        + BackfillStore.TABLE + "; see slipway backfill status for the names");
  }

  private static RuntimeException failure(SQLException e) {
    String state = e.getSQLState();
    if (state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000"))) {
      return new BadInputException("database", TargetTable.firstLine(e) + "; check the URL and credentials");
    }
    return new IllegalStateException(TargetTable.firstLine(e), e);
  }
}
