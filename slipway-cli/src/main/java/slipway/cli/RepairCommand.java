package slipway.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import slipway.engine.migrate.MigrationFailedException;

@Command(name = "repair", mixinStandardHelpOptions = true,
    description = "Accept edited migration files (store their checksums) and remove failed rows of migrations that committed nothing.",
    footer = {"%nExample: slipway repair --url postgres://app@db/app db/migration",
        "Exit codes: 0 repaired (or nothing to repair), 1 the lock was not free,",
        "  2 bad input or unreachable database"})
final class RepairCommand implements Callable<Integer> {
  @Mixin MigrationTarget target;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      List<String> actions = target.builder(out).build().repair();
      if (actions.isEmpty()) {
        out.println("nothing to repair");
      }
      return 0;
    } catch (MigrationFailedException e) {
      spec.commandLine().getErr().println("slipway: " + e.getMessage());
      return 1;
    }
  }
}
