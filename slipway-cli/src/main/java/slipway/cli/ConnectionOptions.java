package slipway.cli;

import java.util.Optional;
import picocli.CommandLine.Option;
import slipway.core.BadInputException;
import slipway.engine.postgres.JdbcUrl;
import slipway.engine.postgres.PgEnvironment;

/**
 * {@code --url} for every command that talks to a database ({@code @Mixin ConnectionOptions}).
 * Resolution, as docs/connections.md describes: {@code --url}, else {@code SLIPWAY_URL}, else the
 * {@code PG*} variables; whatever the URL leaves out (user, password, port…) comes from the
 * {@code PG*} variables and the password file, as in psql. Print the target only via
 * {@link JdbcUrl#redacted()}.
 */
public final class ConnectionOptions {
  /** The environment connections are resolved against; tests replace it. */
  static volatile PgEnvironment environment = PgEnvironment.system();

  @Option(names = "--url", paramLabel = "URL",
      description = {"The database: jdbc:postgresql://host:5432/db or postgres://user@host:5432/db?sslmode=require.",
          "Default: $SLIPWAY_URL, else PGHOST/PGPORT/PGDATABASE/PGUSER/PGPASSWORD and ~/.pgpass, as psql."})
  String url;

  /** The target given by --url, SLIPWAY_URL or PGHOST/PGPORT/PGDATABASE; empty when none is. */
  public Optional<JdbcUrl> target() {
    return JdbcUrl.resolve(url, environment);
  }

  /** The target, falling back to psql's defaults (localhost:5432, the OS user) when none is given. */
  public JdbcUrl required() {
    return target().orElseGet(() -> JdbcUrl.fromEnvironment(environment));
  }

  /** The target, or a one-line error saying how to give one. */
  public JdbcUrl requiredExplicitly(String command) {
    return target().orElseThrow(() -> new BadInputException(command,
        "no database given; pass --url postgres://user@host:5432/db, or set SLIPWAY_URL or PGHOST/PGDATABASE"));
  }
}
