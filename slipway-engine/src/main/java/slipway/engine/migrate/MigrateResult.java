package slipway.engine.migrate;

import java.util.List;

/**
 * What a run did: the migrations it applied (in order), the INVALID indexes left in the database,
 * the pre-flight warnings, and the history table it wrote.
 */
public record MigrateResult(String history, List<Outcome> migrations, List<InvalidIndex> invalidIndexes,
                           List<String> warnings, long millis) {

  /**
   * One applied migration. {@code resumedAt} is the 1-based statement a resumed run started at
   * (0 when it ran from the start); {@code lockWaitMillis} the time its statements waited for locks.
   */
  public record Outcome(String label, String script, int statements, int groups, int resumedAt, long millis,
                        long lockWaitMillis, int retries) {}

  /** An index with {@code pg_index.indisvalid = false}. */
  public record InvalidIndex(String schema, String name, String table) {
    @Override
    public String toString() {
      return schema + "." + name + " on " + table;
    }
  }
}
