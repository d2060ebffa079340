package slipway.cli;

import picocli.CommandLine;
import slipway.core.BadInputException;
import picocli.CommandLine.Command;

/** The {@code slipway} command. The only class that calls {@link System#exit}. */
@Command(name = "slipway", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Zero-downtime PostgreSQL migrations: lint, trace, migrate, backfill.",
    subcommands = {
        CommandLine.HelpCommand.class,
        LintCommand.class,
        StatsCommand.class,
        MigrateCommand.class,
        StatusCommand.class,
        ValidateCommand.class,
        RepairCommand.class,
        BaselineCommand.class,
        TraceCommand.class,
        DemoCommand.class,
        BackfillCommand.class,
        ParseStatsCommand.class,
    },
    footer = {"%nExample: slipway --help",
        "Exit codes: 0 success, 1 findings or a migration that failed safely, 2 bad input or unreachable database"})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    // Bad usage and bad input are exit code 2, with one line that says where and what to do.
    cl.setExitCodeExceptionMapper(e -> 2);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof BadInputException) {
        commandLine.getErr().println("slipway: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version in the jar's manifest, or "dev" when run from classes. */
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"slipway " + version()};
    }
  }
}
