package slipway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import slipway.engine.backfill.BackfillControl;

/** {@code slipway backfill cancel}. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
    description = "Cancel a backfill: its runner stops after the current batch; rows done stay done; the name cannot be resumed.",
    footer = {"%nExample: slipway backfill cancel --url jdbc:postgresql://localhost/app?user=app --name users",
        "Exit codes: 0 success, 2 bad input (no such backfill, wrong status) or unreachable database"})
final class BackfillCancelCommand implements Callable<Integer> {
  @Mixin BackfillTarget target;

  @Option(names = "--name", paramLabel = "NAME", required = true, description = "The backfill's name")
  String name;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(BackfillControl.of(target.connector(), target.stateSchema).cancel(name));
    return 0;
  }
}
