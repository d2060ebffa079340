package slipway.engine.migrate;

import java.time.Instant;
import java.util.List;

/**
 * Every migration's standing against the history, INVALID indexes, and the pid of a runner that
 * holds the migration lock now (null when none).
 *
 * @param rows state is APPLIED, PENDING, IN_FLIGHT, CHANGED (a repeatable to apply again), DRIFT
 *     (edited after it was applied), BELOW_BASELINE, ABOVE_TARGET or MISSING (applied, no file)
 */
public record Status(String history, String mode, List<Row> rows, List<MigrateResult.InvalidIndex> invalidIndexes,
                     Integer runnerPid, List<Problem> problems) {

  public record Row(String migration, String script, String state, Instant installedOn, int executionMillis,
                    String detail) {}

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::error);
  }
}
