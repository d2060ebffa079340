package slipway.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import slipway.core.BadInputException;
import slipway.core.rule.StatsFile;
import slipway.engine.postgres.JdbcUrl;
import slipway.engine.stats.StatsExport;

@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Table sizes from production, so lint can say how long a statement would block.",
    subcommands = StatsCommand.Export.class,
    footer = {"%nExample: slipway stats export --url postgres://app@db:5432/app > stats.json",
        "Exit codes: 0 success, 2 bad input or unreachable database"})
final class StatsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Print row estimates, total sizes and write rates of every table as JSON (no row data is read).",
      footer = {"%nExample: slipway stats export --url postgres://app@db:5432/app > stats.json",
          "Then: slipway lint db/migration --stats stats.json",
          "Exit codes: 0 success, 2 bad input or unreachable database"})
  static final class Export implements Callable<Integer> {
    @Mixin ConnectionOptions connection;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      JdbcUrl url = connection.requiredExplicitly("slipway stats export");
      try (Connection c = url.connect()) {
        spec.commandLine().getOut().print(StatsFile.write(StatsExport.export(c), StatsExport.major(c)));
        spec.commandLine().getOut().flush();
        return 0;
      } catch (SQLException e) {
        throw new BadInputException(url.redacted(), "cannot read table sizes: " + url.scrub(String.valueOf(e.getMessage())));
      }
    }
  }
}
