package slipway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import slipway.engine.backfill.BackfillControl;

/** {@code slipway backfill pause}. */
@Command(name = "pause", mixinStandardHelpOptions = true,
    description = "Pause a running backfill: its runner holds after the current batch and waits for resume.",
    footer = {"%nExample: slipway backfill pause --url jdbc:postgresql://localhost/app?user=app --name users",
        "Exit codes: 0 success, 2 bad input (no such backfill, wrong status) or unreachable database"})
final class BackfillPauseCommand implements Callable<Integer> {
  @Mixin BackfillTarget target;

  @Option(names = "--name", paramLabel = "NAME", required = true, description = "The backfill's name")
  String name;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(BackfillControl.of(target.connector(), target.stateSchema).pause(name));
    return 0;
  }
}
