package slipway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import slipway.engine.migrate.MigrationFailedException;

@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = "Record an existing database's schema as a version: migrations up to it are never run here.",
    footer = {"%nExample: slipway baseline --url postgres://app@db/app --baseline-version 3",
        "Exit codes: 0 recorded, 1 the history is not empty or the lock was not free,",
        "  2 bad input or unreachable database"})
final class BaselineCommand implements Callable<Integer> {
  @Mixin MigrationTarget target;
  @Spec CommandSpec spec;

  @Option(names = "--baseline-version", paramLabel = "VERSION", defaultValue = "1",
      description = "The version the existing schema corresponds to (default: ${DEFAULT-VALUE}).")
  String version;

  @Option(names = "--description", paramLabel = "TEXT", description = "Default: << Slipway Baseline >> (<< Flyway Baseline >> in Flyway mode).")
  String description;

  @Override
  public Integer call() {
    try {
      target.builder(spec.commandLine().getOut()).build().baseline(version, description);
      return 0;
    } catch (MigrationFailedException e) {
      spec.commandLine().getErr().println("slipway: " + e.getMessage());
      return 1;
    }
  }
}
