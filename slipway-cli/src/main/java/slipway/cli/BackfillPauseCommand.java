package slipway.cli;

import picocli.CommandLine.Command;
import slipway.engine.backfill.BackfillControl;

/** {@code slipway backfill pause}. */
@Command(name = "pause", mixinStandardHelpOptions = true,
    description = "Pause a running backfill: its runner holds after the current batch and waits for resume.",
    footer = {"%nExample: slipway backfill pause --url jdbc:postgresql://localhost/app?user=app --name users",
        "Exit codes: 0 success, 2 bad input (no such backfill, wrong status) or unreachable database"})
final class BackfillPauseCommand extends BackfillControlCommand {
  @Override
  String apply(BackfillControl control, String name) {
    return control.pause(name);
  }
}
