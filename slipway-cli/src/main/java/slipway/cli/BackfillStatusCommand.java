package slipway.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import slipway.engine.backfill.BackfillControl;

/** {@code slipway backfill status}: what each backfill has done and whether a runner is attached. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show backfills: status, rows done, rate, cursor, whether a runner is attached.",
    footer = {"%nExample: slipway backfill status --url jdbc:postgresql://localhost/app?user=app --name users",
        "Exit codes: 0 success, 2 bad input (no such backfill) or unreachable database"})
final class BackfillStatusCommand implements Callable<Integer> {
  @Mixin BackfillTarget target;

  @Option(names = "--name", paramLabel = "NAME", description = "One backfill (default: all)")
  String name;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<BackfillControl.Status> all = BackfillControl.of(target.connector(), target.stateSchema).status(name);
    PrintWriter out = spec.commandLine().getOut();
    if (all.isEmpty()) {
      out.println("no backfills in " + target.stateSchema + ".slipway_backfill");
    }
    for (BackfillControl.Status s : all) {
      out.println(String.format(Locale.ROOT, "%s  %s  on %s (key %s)", s.name(), s.status(), s.table(),
          String.join(", ", s.key())));
      out.println("  " + (s.set() != null ? "SET " + s.set() : "template " + s.template().replaceAll("\\s+", " "))
          + (s.where() == null ? "" : "  WHERE " + s.where()));
      out.println(String.format(Locale.ROOT, "  pass %d, %,d rows done, %,d batches, %s rows/s, batch %s keys, cursor %s",
          s.pass(), s.rowsDone(), s.batches(), s.rowsPerSecond() == null ? "-" : String.format(Locale.ROOT, "%,.0f", s.rowsPerSecond()),
          s.batchSize() == null ? "-" : s.batchSize(), s.cursor() == null ? "(start)" : "(" + String.join(", ", s.cursor()) + ")"));
      out.println("  runner: " + (s.runnerAttached() ? "attached (pid " + s.runnerPid() + ")" : "none")
          + (s.skipped() > 0 ? ", " + s.skipped() + " locked rows to retry" : "")
          + (s.remaining() == null ? "" : ", " + s.remaining() + " rows matched at verification")
          + (s.message() == null ? "" : ", " + s.message())
          + ", updated " + s.updatedAt());
    }
    return 0;
  }
}
