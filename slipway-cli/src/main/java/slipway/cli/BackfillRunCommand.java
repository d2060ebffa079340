package slipway.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import slipway.engine.backfill.Backfill;
import slipway.engine.backfill.BackfillFile;
import slipway.engine.backfill.BackfillResult;

/** {@code slipway backfill run}: starts or resumes a backfill and runs it to the end. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Start or resume a backfill: key-range batches, each its own short transaction, sized to a"
        + " target duration, throttled on replication lag, lock waiters and an optional probe.",
        "Ctrl-C stops after the current batch; run the same command again to resume."},
    footer = {"%nExample: slipway backfill run --url jdbc:postgresql://localhost/app?user=app --table users"
        + " --set \"email_normalized = lower(trim(email))\" --where \"email_normalized IS NULL\"",
        "Exit codes: 0 finished and verified, 1 stopped, cancelled or rows still matching,"
            + " 2 bad input (a bad expression touches nothing) or unreachable database"})
final class BackfillRunCommand implements Callable<Integer> {
  @Mixin BackfillTarget target;

  @Option(names = "--file", paramLabel = "FILE", description = "A .backfill file (name, table, set, where, …);"
      + " options given here override it")
  Path file;

  @Option(names = "--table", paramLabel = "TABLE", description = "The table, as in SQL: users, app.users")
  String table;

  @Option(names = "--set", paramLabel = "SQL", description = "The SET clause: \"col = expr, …\"")
  String set;

  @Option(names = "--where", paramLabel = "SQL",
      description = "The rows still to do, e.g. \"col IS NULL\"; the final verification counts them")
  String where;

  @Option(names = "--template", paramLabel = "SQL", description = "Instead of --set: an UPDATE, INSERT … SELECT"
      + " or DELETE restricted to the batch by {range} (or {range:alias})")
  String template;

  @Option(names = "--key", paramLabel = "COL", split = ",",
      description = "Key columns of a unique NOT NULL btree index (default: the primary key)")
  List<String> key;

  @Option(names = "--name", paramLabel = "NAME", description = "The backfill's name (default: the table's)")
  String name;

  @Option(names = "--target-batch-ms", paramLabel = "MS", description = "Aim each batch at this duration (default 200)")
  Long targetBatchMs;

  @Option(names = "--min-batch", paramLabel = "N", description = "Fewest keys per batch (default 100)")
  Integer minBatch;

  @Option(names = "--max-batch", paramLabel = "N", description = "Most keys per batch (default 100000)")
  Integer maxBatch;

  @Option(names = "--pause-ms", paramLabel = "MS", description = "Sleep between batches (default 0)")
  Long pauseMs;

  @Option(names = "--lock-timeout-ms", paramLabel = "MS", defaultValue = "500",
      description = "lock_timeout of each batch; on timeout it rolls back and retries smaller (default ${DEFAULT-VALUE})")
  long lockTimeoutMs;

  @Option(names = "--max-replication-lag-ms", paramLabel = "MS", defaultValue = "10000",
      description = "Hold while a replica lags more (0 = ignore); slow down above half (default ${DEFAULT-VALUE})")
  long maxLagMs;

  @Option(names = "--max-lock-waiters", paramLabel = "N", defaultValue = "5",
      description = "Hold while more sessions wait on locks on the table (-1 = ignore; default ${DEFAULT-VALUE})")
  int maxLockWaiters;

  @Option(names = "--probe", paramLabel = "SQL", description = "A query returning one boolean: false or NULL holds")
  String probe;

  @Option(names = "--max-passes", paramLabel = "N", defaultValue = "3",
      description = "Passes over the key while rows still match (default ${DEFAULT-VALUE})")
  int maxPasses;

  @Option(names = "--locked-row-wait-s", paramLabel = "S", defaultValue = "600",
      description = "How long to retry rows the application keeps locked (default ${DEFAULT-VALUE})")
  long lockedRowWaitS;

  @Option(names = "--progress-ms", paramLabel = "MS", defaultValue = "2000",
      description = "Progress line interval on stderr (default ${DEFAULT-VALUE})")
  long progressMs;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Backfill b = Backfill.of(target.connector());
    if (file != null) {
      BackfillFile.read(file).applyTo(b);
    }
    if (table != null) {
      b.table(table);
    }
    if (name != null) {
      b.name(name);
    }
    if (set != null) {
      b.set(set);
    }
    if (where != null) {
      b.where(where);
    }
    if (template != null) {
      b.template(template);
    }
    if (key != null) {
      b.key(key);
    }
    if (targetBatchMs != null) {
      b.targetBatch(Duration.ofMillis(targetBatchMs));
    }
    if (minBatch != null || maxBatch != null) {
      b.batchSize(minBatch != null ? minBatch : Math.min(100, maxBatch), maxBatch != null ? maxBatch : Math.max(100_000, minBatch));
    }
    if (pauseMs != null) {
      b.pause(Duration.ofMillis(pauseMs));
    }
    b.lockTimeout(Duration.ofMillis(lockTimeoutMs))
        .maxReplicationLag(Duration.ofMillis(maxLagMs))
        .maxLockWaiters(maxLockWaiters)
        .probe(probe)
        .stateSchema(target.stateSchema)
        .maxPasses(maxPasses)
        .lockedRowWait(Duration.ofSeconds(lockedRowWaitS))
        .progress(line -> {
          err.println(line);
          err.flush();
        }, Duration.ofMillis(progressMs));

    // Ctrl-C: finish the current batch (its cursor commits with it), then exit; rerun resumes.
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      b.requestStop();
      try {
        done.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    }, "slipway-backfill-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    BackfillResult r;
    try {
      r = b.run();
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and waits for us.
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(String.format(Locale.ROOT, "backfill %s: %s, %,d rows updated in %.1f s (%,.0f rows/s, %,d batches)%s",
        r.name(), r.status(), r.rowsUpdated(), r.seconds(), r.rowsPerSecond(), r.batches(),
        r.remaining() == null ? "" : r.remaining() == 0 ? "; verified: no row matches the predicate"
            : "; " + r.remaining() + " rows still match the predicate"));
    out.flush();
    return r.finished() ? 0 : 1;
  }
}
