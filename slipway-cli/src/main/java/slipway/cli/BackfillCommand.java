package slipway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slipway backfill run|status|pause|resume|cancel}. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = "Batched, throttled, resumable data migrations (see docs/backfill.md).",
    subcommands = {BackfillRunCommand.class, BackfillStatusCommand.class, BackfillPauseCommand.class,
        BackfillResumeCommand.class, BackfillCancelCommand.class},
    footer = {"%nExample: slipway backfill run --url postgresql://localhost/app --table users"
        + " --set \"email_normalized = lower(trim(email))\" --where \"email_normalized IS NULL\"",
        "Exit codes: 0 success, 1 not finished (stopped, cancelled, rows left), 2 bad input or unreachable database"})
final class BackfillCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
