package slipway.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import slipway.engine.migrate.Durations;
import slipway.engine.postgres.JdbcUrl;
import slipway.engine.migrate.MigrateEvent;
import slipway.engine.migrate.Migrator;

/**
 * What migrate, status, validate, repair and baseline share: the database, the migration folders,
 * the history table and the output format ({@code @Mixin MigrationTarget}).
 */
final class MigrationTarget {
  @Mixin ConnectionOptions connection;

  @Parameters(paramLabel = "LOCATION", arity = "0..*",
      description = "Migration files or folders (Flyway V/R naming, Prisma, golang-migrate, goose, Liquibase formatted SQL, plain). "
          + "Default: db/migration.")
  List<Path> locations;

  @Option(names = "--schema", paramLabel = "SCHEMA", defaultValue = "public",
      description = "Schema of the history table (default: ${DEFAULT-VALUE}).")
  String schema;

  @Option(names = "--table", paramLabel = "TABLE",
      description = "History table (default: slipway_schema_history, or flyway_schema_history in Flyway mode).")
  String table;

  @Option(names = "--history", paramLabel = "MODE", defaultValue = "auto",
      description = "auto, slipway or flyway: auto continues an existing flyway_schema_history when there is no Slipway one "
          + "(default: ${DEFAULT-VALUE}).")
  String history;

  @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "5min",
      description = "How long to wait for another runner holding the migration lock (default: ${DEFAULT-VALUE}).")
  String lockWait;

  @Option(names = "--target", paramLabel = "VERSION", description = "Apply versioned migrations up to this version only.")
  String target;

  @Option(names = "--out-of-order", description = "Apply a pending version older than the newest applied one.")
  boolean outOfOrder;

  @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (progress lines) or json (one event object per line) (default: ${DEFAULT-VALUE}).")
  String logFormat;

  boolean json() {
    if (!logFormat.equals("text") && !logFormat.equals("json")) {
      throw new slipway.core.BadInputException("--log-format " + logFormat, "unknown format; use text or json");
    }
    return logFormat.equals("json");
  }

  /** A runner builder with these settings; events go to {@code out} as text or JSON lines. */
  Migrator.Builder builder(PrintWriter out) {
    boolean json = json();
    JdbcUrl db = connection.requiredExplicitly("migrate");
    Migrator.HistoryMode mode;
    try {
      mode = Migrator.HistoryMode.valueOf(history.toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new slipway.core.BadInputException("--history " + history, "unknown mode; use auto, slipway or flyway");
    }
    List<Path> where = locations == null || locations.isEmpty() ? List.of(Path.of("db/migration")) : locations;
    return Migrator.configure()
        // JdbcUrl.connect names only the redacted target and scrubs the password from driver messages.
        .connections(db::connect)
        .locations(where)
        .schema(schema)
        .table(table)
        .history(mode)
        .lockWait(Durations.parse("--lock-wait", lockWait))
        .target(target)
        .outOfOrder(outOfOrder)
        .listener(e -> print(out, e, json));
  }

  static void print(PrintWriter out, MigrateEvent e, boolean json) {
    out.println(json ? e.toJson() : e.message());
    out.flush();
  }
}
