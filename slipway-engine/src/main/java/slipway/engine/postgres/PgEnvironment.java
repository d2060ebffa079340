package slipway.engine.postgres;

import java.nio.file.Path;
import java.util.Map;

/**
 * What libpq reads besides the URL: the {@code PG*} environment variables, the home directory
 * (for {@code ~/.pgpass}) and the operating-system user name (libpq's default user). A value, so
 * tests can resolve connections against an environment of their own.
 */
public record PgEnvironment(Map<String, String> variables, Path home, String osUser) {
  public PgEnvironment {
    variables = Map.copyOf(variables);
  }

  public static PgEnvironment system() {
    return new PgEnvironment(System.getenv(), Path.of(System.getProperty("user.home", ".")),
        System.getProperty("user.name", "postgres"));
  }

  /** The variable's value, or null when it is unset or empty (libpq treats both the same). */
  public String get(String name) {
    String value = variables.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** The password file libpq would read: PGPASSFILE, else ~/.pgpass. */
  public Path passFile() {
    String file = get("PGPASSFILE");
    return file != null ? Path.of(file) : home.resolve(".pgpass");
  }
}
