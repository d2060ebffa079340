package slipway.cli;

import picocli.CommandLine;
import slipway.core.BadInputException;
import picocli.CommandLine.Command;

/** The {@code slipway} command. The only class that calls {@link System#exit}. */
@Command(name = "slipway", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Zero-downtime PostgreSQL migrations: lint, trace, migrate, backfill.",
    footer = {"%nExample: slipway --help",
        "Exit codes: 0 success, 1 findings or a migration that failed safely, 2 bad input or unreachable database"})
public final class Main implements Runnable {
  /**
   * The subcommands, in the order of the help (register new commands here). Not in the annotation:
   * picocli would then build every command's model, and load the classes each names, on every run;
   * {@link #run} builds only the one the command line names.
   */
  static final Class<?>[] SUBCOMMANDS = {
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
  };

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this). */
  public static int run(String... args) {
    // `slipway lint PATH…`: the files are read on a second thread while picocli builds the command.
    LintPrefetch prefetch = LintPrefetch.start(args);
    CommandLine cl = commandLineFor(args);
    if (prefetch != null && cl.getSubcommands().get("lint") != null) {
      ((LintCommand) cl.getSubcommands().get("lint").getCommand()).prefetch = prefetch;
    }
    return cl.execute(args);
  }

  /**
   * The command line to run {@code args}: `slipway lint …` (a pre-commit hook) needs the lint command
   * only, so the others stay unbuilt; anything else (`slipway help lint`, `slipway --help`) gets them all.
   */
  static CommandLine commandLineFor(String... args) {
    Class<?> only = args.length > 0 ? named(args[0]) : null;
    return only == null || only == CommandLine.HelpCommand.class ? commandLine() : commandLineWith(only);
  }

  /** The command line with every subcommand. */
  public static CommandLine commandLine() {
    return commandLineWith(SUBCOMMANDS);
  }

  /** The subcommand class whose name (or alias) is {@code word}, or null. */
  static Class<?> named(String word) {
    for (Class<?> c : SUBCOMMANDS) {
      Command command = c.getAnnotation(Command.class);
      if (command != null && (command.name().equals(word) || java.util.Arrays.asList(command.aliases()).contains(word))) {
        return c;
      }
    }
    return null;
  }

  private static CommandLine commandLineWith(Class<?>... subcommands) {
    CommandLine cl = new CommandLine(new Main());
    for (Class<?> c : subcommands) {
      cl.addSubcommand(c);
    }
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
