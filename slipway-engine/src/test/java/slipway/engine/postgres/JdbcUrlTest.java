package slipway.engine.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import slipway.core.BadInputException;

class JdbcUrlTest {
  @TempDir Path home;

  private PgEnvironment env(String... keyValues) {
    Map<String, String> vars = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put(keyValues[i], keyValues[i + 1]);
    }
    return new PgEnvironment(vars, home, "alice");
  }

  @Test
  void libpqUriWithEverything() {
    JdbcUrl url = JdbcUrl.parse("postgres://bob:s%40cret@db.example.com:6432/shop?sslmode=require&application_name=x", env());
    assertEquals(List.of(new JdbcUrl.Host("db.example.com", 6432)), url.hosts());
    assertEquals("bob", url.user());
    assertEquals("shop", url.database());
    assertEquals("s@cret", url.driverProperties().getProperty("password"));
    assertEquals("require", url.driverProperties().getProperty("sslmode"));
    assertEquals("x", url.driverProperties().getProperty("ApplicationName"));
    assertEquals("jdbc:postgresql://db.example.com:6432/shop", url.driverUrl());
  }

  @Test
  void postgresqlSchemeMultipleHostsAndIpv6() {
    JdbcUrl url = JdbcUrl.parse("postgresql://h1:5433,[::1]:5434,h3/app", env());
    assertEquals(List.of(new JdbcUrl.Host("h1", 5433), new JdbcUrl.Host("::1", 5434), new JdbcUrl.Host("h3", 5432)),
        url.hosts());
    assertEquals("jdbc:postgresql://h1:5433,[::1]:5434,h3:5432/app", url.driverUrl());
  }

  @Test
  void percentDecodingOfUserAndDatabase() {
    JdbcUrl url = JdbcUrl.parse("postgres://j%C3%B6rg@localhost/my%20db", env());
    assertEquals("jörg", url.user());
    assertEquals("my db", url.database());
  }

  @Test
  void jdbcUrlWithUserAndPasswordParameters() {
    JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://localhost:5555/app?user=bob&password=pw&ssl=true", env());
    assertEquals("bob", url.user());
    assertEquals("pw", url.driverProperties().getProperty("password"));
    assertEquals("true", url.driverProperties().getProperty("ssl"));
    assertFalse(url.driverUrl().contains("pw"));
  }

  @Test
  void jdbcShortForms() {
    assertEquals("app", JdbcUrl.parse("jdbc:postgresql:app", env()).database());
    assertEquals(List.of(new JdbcUrl.Host("localhost", 5432)), JdbcUrl.parse("jdbc:postgresql:app", env()).hosts());
  }

  @Test
  void missingPartsComeFromTheEnvironmentAsInLibpq() {
    PgEnvironment e = env("PGHOST", "pg.internal", "PGPORT", "6000", "PGUSER", "svc", "PGDATABASE", "billing",
        "PGPASSWORD", "envpw", "PGSSLMODE", "verify-full");
    JdbcUrl url = JdbcUrl.parse("postgres://", e);
    assertEquals(List.of(new JdbcUrl.Host("pg.internal", 6000)), url.hosts());
    assertEquals("svc", url.user());
    assertEquals("billing", url.database());
    assertEquals("envpw", url.driverProperties().getProperty("password"));
    assertEquals("verify-full", url.driverProperties().getProperty("sslmode"));
    // The URL wins over the environment.
    assertEquals("other", JdbcUrl.parse("postgres://localhost/other", e).database());
  }

  @Test
  void defaultsAreLocalhostAndTheOperatingSystemUser() {
    JdbcUrl url = JdbcUrl.fromEnvironment(env());
    assertEquals(List.of(new JdbcUrl.Host("localhost", 5432)), url.hosts());
    assertEquals("alice", url.user());
    assertEquals("alice", url.database());
    assertFalse(url.hasPassword());
  }

  @Test
  void resolveOrder() {
    assertEquals(Optional.empty(), JdbcUrl.resolve(null, env("PGUSER", "x")));
    assertEquals("a", JdbcUrl.resolve("postgres://h/a", env("SLIPWAY_URL", "postgres://h/b")).get().database());
    assertEquals("b", JdbcUrl.resolve(null, env("SLIPWAY_URL", "postgres://h/b", "PGDATABASE", "c")).get().database());
    assertEquals("c", JdbcUrl.resolve(null, env("PGDATABASE", "c")).get().database());
  }

  @Test
  void passwordFileIsUsedWhenNoPasswordIsGiven() throws Exception {
    Path pgpass = home.resolve(".pgpass");
    Files.writeString(pgpass, "# comment\nother:*:*:*:nope\n*:5432:shop:bob:from\\:file\n");
    Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
    assertEquals("from:file", JdbcUrl.parse("postgres://bob@localhost/shop", env())
        .driverProperties().getProperty("password"));
    // PGPASSFILE points elsewhere; passfile= in the URL wins over both.
    Path other = home.resolve("other.pgpass");
    Files.writeString(other, "localhost:5432:shop:bob:other\n");
    Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-------"));
    assertEquals("other", JdbcUrl.parse("postgres://bob@localhost/shop", env("PGPASSFILE", other.toString()))
        .driverProperties().getProperty("password"));
    assertEquals("other", JdbcUrl.parse("postgres://bob@localhost/shop?passfile=" + other, env())
        .driverProperties().getProperty("password"));
  }

  @Test
  void redactedNeverShowsThePassword() {
    JdbcUrl url = JdbcUrl.parse("postgres://bob:hunter2@db:5432/shop?sslmode=require&sslpassword=keypass", env());
    assertEquals("postgresql://bob:***@db:5432/shop?sslmode=require", url.redacted());
    assertEquals(url.redacted(), url.toString());
    assertEquals("auth failed for *** and ***", url.scrub("auth failed for hunter2 and keypass"));
  }

  @Test
  void badUrlsAreOneLineWithoutTheirSecrets() {
    BadInputException e = assertThrows(BadInputException.class, () -> JdbcUrl.parse("mysql://root:pw@h/db", env()));
    assertTrue(e.getMessage().startsWith("--url: not a PostgreSQL URL (scheme mysql)"), e.getMessage());
    // A password where the port belongs (the user forgot the @) is not echoed.
    e = assertThrows(BadInputException.class, () -> JdbcUrl.parse("postgres://bob:hunter2/db", env()));
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    e = assertThrows(BadInputException.class, () -> JdbcUrl.parse("postgres://h/db?nosuch=1", env()));
    assertTrue(e.getMessage().contains("unknown connection parameter 'nosuch'"), e.getMessage());
    e = assertThrows(BadInputException.class, () -> JdbcUrl.parse("postgres://%2Fvar%2Frun%2Fpostgresql/db", env()));
    assertTrue(e.getMessage().contains("unix-domain socket"), e.getMessage());
  }

  @Test
  void targetSessionAttrsMapsToTheDriversTargetServerType() {
    assertEquals("primary", JdbcUrl.parse("postgres://a,b/db?target_session_attrs=read-write", env())
        .driverProperties().getProperty("targetServerType"));
  }
}
