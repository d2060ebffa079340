package slipway.engine.backfill;

import java.util.List;

/**
 * What one {@link Backfill#run} did.
 *
 * @param status {@code finished} (verified: no row matches the predicate), {@code unverified}
 *     (rows still match after the last pass; {@code remaining} says how many), {@code cancelled},
 *     {@code stopped} (asked to stop; run again to resume)
 * @param rowsUpdated rows this run updated (inserted, deleted for a template)
 * @param rowsDone rows all runs of this backfill updated
 * @param remaining rows matching the predicate at the final verification; null when not verified
 * @param firstBatches the first batches' timings, {@code lastBatches} the last ones (up to 20 each)
 */
public record BackfillResult(String name, String status, long rowsUpdated, long rowsDone, long batches,
    double seconds, Long remaining, int passes, List<BatchTiming> firstBatches, List<BatchTiming> lastBatches) {

  /** One batch: keys in its range, rows it changed, how long its transaction took. */
  public record BatchTiming(long keys, long rows, double millis) {}

  public BackfillResult {
    firstBatches = List.copyOf(firstBatches);
    lastBatches = List.copyOf(lastBatches);
  }

  public boolean finished() {
    return status.equals("finished");
  }

  public double rowsPerSecond() {
    return seconds <= 0 ? 0 : rowsUpdated / seconds;
  }
}
