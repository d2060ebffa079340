package slipway.engine.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import slipway.engine.postgres.EmbeddedServer;
import slipway.engine.postgres.Identifiers;

/**
 * One PostgreSQL server per test JVM: the embedded one (binaries on the class path), or the
 * server {@code SLIPWAY_TEST_PG_URL} points at (a JDBC URL of a superuser connection).
 * Each test gets a fresh database cloned from a template, so tests are isolated and fast.
 */
public final class TestServer {
  private static volatile TestServer shared;

  private final String adminUrl;
  private final String urlPrefix;
  private final String urlQuery;
  private final int major;
  private final AtomicInteger counter = new AtomicInteger();

  private TestServer(String adminUrl) throws SQLException {
    this.adminUrl = adminUrl;
    int q = adminUrl.indexOf('?');
    String base = q < 0 ? adminUrl : adminUrl.substring(0, q);
    this.urlQuery = q < 0 ? "" : adminUrl.substring(q);
    this.urlPrefix = base.substring(0, base.lastIndexOf('/') + 1);
    try (Connection c = DriverManager.getConnection(adminUrl);
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SHOW server_version_num")) {
      rs.next();
      this.major = Integer.parseInt(rs.getString(1)) / 10000;
    }
  }

  public static TestServer get() {
    TestServer server = shared;
    if (server == null) {
      synchronized (TestServer.class) {
        server = shared;
        if (server == null) {
          shared = server = start();
        }
      }
    }
    return server;
  }

  private static TestServer start() {
    try {
      String external = System.getenv("SLIPWAY_TEST_PG_URL");
      if (external != null && !external.isBlank()) {
        return new TestServer(external);
      }
      EmbeddedServer embedded = EmbeddedServer.start();
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
      return new TestServer(embedded.jdbcUrl("postgres"));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the test PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** The PostgreSQL major of the server, e.g. 18. */
  public int major() {
    return major;
  }

  /** A new empty database; drop it with {@link TestDatabase#close()}. */
  public TestDatabase freshDatabase() {
    String name = "slipway_test_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + Identifiers.quote(name) + " TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
    }
    return new TestDatabase(this, name, urlPrefix + name + urlQuery);
  }

  void drop(String name) {
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
    }
  }
}
