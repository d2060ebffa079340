package slipway.engine.backfill;

import java.time.Duration;

/** A backfill in a JVM of its own, for BackfillTest to kill with -9 mid-way. Args: JDBC URL, table. */
public final class BackfillChild {
  private BackfillChild() {}

  public static void main(String[] args) {
    BackfillResult r = Backfill.of(args[0]).table(args[1])
        .set("counter = counter + 1, done = true").where("NOT done")
        .batchSize(50, 50).initialBatchSize(50).pause(Duration.ofMillis(5))
        .progress(line -> { }, Duration.ofHours(1))
        .run();
    System.out.println(r.status());
  }
}
