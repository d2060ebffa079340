package slipway.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import slipway.engine.migrate.DryRun;
import slipway.engine.migrate.Durations;
import slipway.engine.migrate.MigrateEvent;
import slipway.engine.migrate.MigrateResult;
import slipway.engine.migrate.MigrationFailedException;
import slipway.engine.migrate.Migrator;

@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Apply pending migrations without freezing the tables: one runner at a time, lock_timeout with retries, "
        + "non-transactional statements (CREATE INDEX CONCURRENTLY, …) run on their own, progress kept per statement.",
    footer = {"%nExample: slipway migrate --url postgres://app@db/app db/migration",
        "Exit codes: 0 applied (or nothing to do), 1 a migration failed safely or a",
        "  check failed,",
        "  2 bad input or unreachable database",
        "See docs/migrate.md."})
final class MigrateCommand implements Callable<Integer> {
  @Mixin MigrationTarget target;
  @Spec CommandSpec spec;

  @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "2s",
      description = "lock_timeout of every statement; a header comment -- slipway:lock-timeout=5s overrides it (default: ${DEFAULT-VALUE}).")
  String lockTimeout;

  @Option(names = "--statement-timeout", paramLabel = "DURATION", defaultValue = "0",
      description = "statement_timeout of every statement, 0 for none (default: ${DEFAULT-VALUE}).")
  String statementTimeout;

  @Option(names = "--concurrent-timeout", paramLabel = "DURATION", defaultValue = "1h",
      description = "Lock and statement timeout of CONCURRENTLY statements and VALIDATE CONSTRAINT (default: ${DEFAULT-VALUE}).")
  String concurrentTimeout;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "10",
      description = "Retries after a lock timeout or deadlock, with exponential backoff and jitter (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--index-retries", paramLabel = "N", defaultValue = "2",
      description = "Rebuilds of a concurrent index that came out INVALID (default: ${DEFAULT-VALUE}).")
  int indexRetries;

  @Option(names = "--dry-run", description = "Print the plan (statements, transaction groups, timeouts, locks) and change nothing.")
  boolean dryRun;

  @Option(names = "--skip-check", paramLabel = "CHECK", split = ",",
      description = "Skip a check: sessions, replication, archive, invalid-indexes.")
  Set<String> skipChecks = new LinkedHashSet<>();

  @Option(names = "--max-transaction-age", paramLabel = "DURATION", defaultValue = "1min",
      description = "Pre-flight fails when a session holding locks on a table the migrations name has a transaction older "
          + "than this (default: ${DEFAULT-VALUE}).")
  String maxTransactionAge;

  @Option(names = "--max-replication-lag", paramLabel = "DURATION", defaultValue = "30s",
      description = "Replay lag above which pre-flight fails and the runner waits between migrations (default: ${DEFAULT-VALUE}).")
  String maxReplicationLag;

  @Option(names = "--replication-wait", paramLabel = "DURATION", defaultValue = "5min",
      description = "Between migrations, how long to wait for lagging replicas before stopping (safely; rerun resumes) "
          + "(default: ${DEFAULT-VALUE}).")
  String replicationWait;

  @Option(names = "--before", paramLabel = "COMMAND",
      description = "A shell command that must succeed before a category-3 migration runs (a snapshot, pg_basebackup).")
  String before;

  @Option(names = "--installed-by", paramLabel = "NAME", description = "installed_by in the history (default: the database user).")
  String installedBy;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Migrator migrator = target.builder(out)
        .lockTimeout(Durations.parse("--lock-timeout", lockTimeout))
        .statementTimeout(Durations.parse("--statement-timeout", statementTimeout))
        .concurrentTimeout(Durations.parse("--concurrent-timeout", concurrentTimeout))
        .retries(retries)
        .indexRetries(indexRetries)
        .skipChecks(skipChecks)
        .maxTransactionAge(Durations.parse("--max-transaction-age", maxTransactionAge))
        .maxReplicationLag(Durations.parse("--max-replication-lag", maxReplicationLag))
        .replicationWait(Durations.parse("--replication-wait", replicationWait))
        .before(before)
        .installedBy(installedBy)
        .build();
    if (dryRun) {
      DryRun plan = migrator.dryRun();
      if (target.json()) {
        MigrationTarget.print(out, new MigrateEvent(java.time.Instant.now(), "plan", "dry run", Map.of())
            .with("history", plan.history()).with("plan", plan.describe()), true);
      } else {
        plan.describe().forEach(out::println);
      }
      return plan.problems().stream().anyMatch(p -> p.error()) ? 1 : 0;
    }
    try {
      MigrateResult result = migrator.migrate();
      if (!target.json()) {
        summary(out, result);
      }
      return 0;
    } catch (MigrationFailedException e) {
      err.println("slipway: " + e.getMessage());
      return 1;
    }
  }

  static void summary(PrintWriter out, MigrateResult r) {
    if (r.migrations().isEmpty()) {
      return;
    }
    int w = Math.max(9, r.migrations().stream().mapToInt(o -> o.label().length()).max().orElse(9));
    out.println();
    out.println(String.format("%-" + w + "s  %10s  %6s  %8s  %9s  %7s", "migration", "statements", "groups", "time",
        "lock wait", "retries"));
    for (MigrateResult.Outcome o : r.migrations()) {
      out.println(String.format("%-" + w + "s  %10s  %6d  %8s  %9s  %7d", o.label(),
          o.statements() + (o.resumedAt() > 0 ? " (from " + o.resumedAt() + ")" : ""), o.groups(),
          Durations.human(java.time.Duration.ofMillis(o.millis())),
          Durations.human(java.time.Duration.ofMillis(o.lockWaitMillis())), o.retries()));
    }
    out.flush();
  }
}
