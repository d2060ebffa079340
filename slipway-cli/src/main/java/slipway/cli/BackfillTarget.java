package slipway.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import slipway.engine.backfill.Backfill;
import slipway.engine.postgres.JdbcUrl;

/** The database ({@link ConnectionOptions}) and state schema options the backfill commands share. */
final class BackfillTarget {
  @Mixin ConnectionOptions connection;

  @Option(names = "--state-schema", paramLabel = "SCHEMA", defaultValue = "public",
      description = "Schema of the slipway_backfill state table (default: ${DEFAULT-VALUE})")
  String stateSchema;

  /** Connections to the target; failures are one line with the URL redacted (JdbcUrl#connect). */
  Backfill.Connector connector() {
    JdbcUrl url = connection.requiredExplicitly("backfill");
    return url::connect;
  }
}
