package slipway.engine.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.flywaydb.core.Flyway;
import slipway.engine.postgres.EmbeddedServer;

/**
 * bench/migrate-vs-flyway.sh: the same N small migrations applied by Flyway and by Slipway, side by
 * side on one embedded PostgreSQL, each round into fresh databases, the order alternating; prints
 * the wall time of each and the median ratio. Arguments: N (default 1000), rounds (default 3).
 */
public final class MigrateVsFlywayBench {
  private MigrateVsFlywayBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = write(Files.createTempDirectory("slipway-bench"), n);
    Path warm = write(Files.createTempDirectory("slipway-bench-warm"), 50);
    try (EmbeddedServer server = EmbeddedServer.start()) {
      String version;
      try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SHOW server_version")) {
        rs.next();
        version = rs.getString(1);
      }
      System.out.printf("%d migrations, %d rounds, PostgreSQL %s (embedded), Flyway %s, Java %s%n", n, rounds, version,
          flywayVersion(), System.getProperty("java.version"));
      // Warm-up (JIT, driver, class loading) for both, not measured.
      flyway(server, "warm_flyway", warm, 50);
      slipway(server, "warm_slipway", warm, 50);
      List<Double> ratios = new ArrayList<>();
      List<Long> flywayTimes = new ArrayList<>();
      List<Long> slipwayTimes = new ArrayList<>();
      for (int r = 1; r <= rounds; r++) {
        long f;
        long s;
        if (r % 2 == 1) {
          f = flyway(server, "flyway_" + r, dir, n);
          s = slipway(server, "slipway_" + r, dir, n);
        } else {
          s = slipway(server, "slipway_" + r, dir, n);
          f = flyway(server, "flyway_" + r, dir, n);
        }
        flywayTimes.add(f);
        slipwayTimes.add(s);
        ratios.add((double) s / f);
        System.out.printf("round %d: flyway %6d ms   slipway %6d ms   slipway/flyway %.2f%n", r, f, s, (double) s / f);
      }
      System.out.printf("median: flyway %d ms, slipway %d ms, slipway/flyway = %.2f%n", median(flywayTimes),
          median(slipwayTimes), median(ratios));
    }
  }

  private static long flyway(EmbeddedServer server, String db, Path dir, int n) throws Exception {
    create(server, db);
    long t0 = System.nanoTime();
    Flyway.configure().loggers("slf4j").dataSource(server.jdbcUrl(db), null, null).locations("filesystem:" + dir).load()
        .migrate();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    check(server, db, "flyway_schema_history", n);
    return ms;
  }

  private static long slipway(EmbeddedServer server, String db, Path dir, int n) throws Exception {
    create(server, db);
    long t0 = System.nanoTime();
    Migrator.configure().url(server.jdbcUrl(db)).locations(dir).build().migrate();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    check(server, db, "slipway_schema_history", n);
    return ms;
  }

  /** Small migrations of three kinds: create a table, insert a row, comment on a table. */
  private static Path write(Path dir, int n) throws Exception {
    Files.writeString(dir.resolve("V1__bench.sql"), "CREATE TABLE bench (id bigint PRIMARY KEY, v int);\n");
    for (int i = 2; i <= n; i++) {
      String sql;
      switch (i % 3) {
        case 0: sql = "CREATE TABLE t_" + i + " (id bigint PRIMARY KEY, note text);\n"; break;
        case 1: sql = "INSERT INTO bench VALUES (" + i + ", " + i + ");\n"; break;
        default: sql = "COMMENT ON TABLE bench IS 'step " + i + "';\n"; break;
      }
      Files.writeString(dir.resolve("V" + i + "__step_" + i + ".sql"), sql);
    }
    return dir;
  }

  private static void create(EmbeddedServer server, String db) throws Exception {
    try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
  }

  private static void check(EmbeddedServer server, String db, String table, int n) throws Exception {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(db)); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + " WHERE success AND version IS NOT NULL")) {
      rs.next();
      if (rs.getInt(1) != n) {
        throw new IllegalStateException(db + ": " + rs.getInt(1) + " migrations applied, expected " + n);
      }
    }
  }

  private static String flywayVersion() throws Exception {
    java.util.Properties p = new java.util.Properties();
    try (var in = Flyway.class.getResourceAsStream("/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return p.getProperty("version", "?");
  }

  private static <T extends Comparable<T>> T median(List<T> values) {
    List<T> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
