package slipway.engine.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A fresh database on the {@link TestServer}, dropped when the test ends. */
public final class TestDatabase implements AutoCloseable {
  private final TestServer server;
  private final String name;
  private final String url;

  TestDatabase(TestServer server, String name, String url) {
    this.server = server;
    this.name = name;
    this.url = url;
  }

  public String name() {
    return name;
  }

  /** A JDBC URL for this database, user and any options included. */
  public String url() {
    return url;
  }

  public int major() {
    return server.major();
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** Runs SQL (one or more statements) in autocommit. */
  public void execute(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * Runs each statement in one transaction block (BEGIN … ROLLBACK): what PostgreSQL refuses inside a
   * transaction block fails here, and nothing is left behind.
   */
  public void inRolledBackTransaction(String... sql) throws SQLException {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String one : sql) {
          s.execute(one);
        }
      } finally {
        c.rollback();
      }
    }
  }

  /** The first column of every row, as text. */
  public List<String> column(String query) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }

  /** The first column of the first row, as text (null when there is no row). */
  public String value(String query) throws SQLException {
    List<String> values = column(query);
    return values.isEmpty() ? null : values.get(0);
  }

  @Override
  public void close() {
    server.drop(name);
  }
}
