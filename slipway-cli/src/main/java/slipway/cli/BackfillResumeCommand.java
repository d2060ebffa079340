package slipway.cli;

import picocli.CommandLine.Command;
import slipway.engine.backfill.BackfillControl;

/** {@code slipway backfill resume}. */
@Command(name = "resume", mixinStandardHelpOptions = true,
    description = "Resume a paused backfill (its waiting runner continues; with none, start one with backfill run).",
    footer = {"%nExample: slipway backfill resume --url jdbc:postgresql://localhost/app?user=app --name users",
        "Exit codes: 0 success, 2 bad input (no such backfill, wrong status) or unreachable database"})
final class BackfillResumeCommand extends BackfillControlCommand {
  @Override
  String apply(BackfillControl control, String name) {
    return control.resume(name);
  }
}
