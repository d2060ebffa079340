package slipway.cli;

import picocli.CommandLine.Command;
import slipway.engine.backfill.BackfillControl;

/** {@code slipway backfill cancel}. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
    description = "Cancel a backfill: its runner stops after the current batch; rows done stay done; the name cannot be resumed.",
    footer = {"%nExample: slipway backfill cancel --url jdbc:postgresql://localhost/app?user=app --name users",
        "Exit codes: 0 success, 2 bad input (no such backfill, wrong status) or unreachable database"})
final class BackfillCancelCommand extends BackfillControlCommand {
  @Override
  String apply(BackfillControl control, String name) {
    return control.cancel(name);
  }
}
