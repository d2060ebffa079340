package slipway.engine.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import slipway.core.BadInputException;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/**
 * Connecting for real: a password-protected role (scram-sha-256 via pg_hba.conf on the embedded
 * server), a wrong password, the password file, an unreachable server. The password never shows.
 */
@ExtendWith(PostgresExtension.class)
class JdbcUrlConnectTest {
  private static final String SECRET = "Sw0rdfish-XyZZy-93";

  @Test
  void passwordNeverAppearsWhenAuthenticationFails(TestDatabase db, @TempDir Path home) throws Exception {
    assumeTrue(System.getenv("SLIPWAY_TEST_PG_URL") == null, "needs the embedded server's pg_hba.conf");
    String role = "slipway_pw_" + ProcessHandle.current().pid();
    String hba = db.value("SHOW hba_file");
    Path hbaFile = Path.of(hba);
    assumeTrue(Files.isWritable(hbaFile), "pg_hba.conf is not writable here");
    String original = Files.readString(hbaFile);
    db.execute("CREATE ROLE " + Identifiers.quote(role) + " LOGIN PASSWORD " + Identifiers.literal(SECRET));
    int port = Integer.parseInt(db.value("SHOW port"));
    PrintStream realErr = System.err;
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try {
      Files.writeString(hbaFile, "host all " + role + " all scram-sha-256\n" + original);
      db.execute("SELECT pg_reload_conf()");
      System.setErr(new PrintStream(stderr, true));
      PgEnvironment env = new PgEnvironment(Map.of(), home, "nobody");

      JdbcUrl wrong = JdbcUrl.parse("postgres://" + role + ":" + SECRET + "x@localhost:" + port + "/" + db.name(), env);
      BadInputException e = awaitFailure(wrong);
      assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
      assertFalse(e.getMessage().contains(SECRET), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
      assertTrue(e.getMessage().startsWith("postgresql://" + role + ":***@localhost:" + port + "/"), e.getMessage());

      try (Connection c = JdbcUrl.parse("postgres://" + role + ":" + SECRET + "@localhost:" + port + "/" + db.name(), env)
          .connect()) {
        assertEquals(role, currentUser(c));
      }

      // No password in the URL: the password file supplies it.
      Path pgpass = home.resolve(".pgpass");
      Files.writeString(pgpass, "localhost:" + port + ":*:" + role + ":" + SECRET + "\n");
      Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
      JdbcUrl fromFile = JdbcUrl.parse("postgres://" + role + "@localhost:" + port + "/" + db.name(), env);
      assertTrue(fromFile.hasPassword());
      assertFalse(fromFile.redacted().contains(SECRET));
      try (Connection c = fromFile.connect()) {
        assertEquals(role, currentUser(c));
      }
    } finally {
      System.setErr(realErr);
      Files.writeString(hbaFile, original);
      db.execute("SELECT pg_reload_conf()");
    }
    assertFalse(stderr.toString().contains(SECRET), "the driver logged the password: " + stderr);
  }

  @Test
  void unreachableServersAreOneLineWithoutThePassword() {
    PgEnvironment env = new PgEnvironment(Map.of(), Path.of("/nonexistent"), "nobody");
    BadInputException refused = assertThrows(BadInputException.class,
        () -> JdbcUrl.parse("postgres://bob:" + SECRET + "@localhost:1/db", env).connect());
    assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
    assertFalse(refused.getMessage().contains(SECRET));
    BadInputException unknown = assertThrows(BadInputException.class,
        () -> JdbcUrl.parse("jdbc:postgresql://no-such-host.invalid/db?password=" + SECRET, env).connect());
    assertTrue(unknown.getMessage().contains("unknown host no-such-host.invalid"), unknown.getMessage());
    assertFalse(unknown.getMessage().contains(SECRET));
    assertFalse(unknown.getMessage().contains("\n"));
  }

  private static BadInputException awaitFailure(JdbcUrl url) throws InterruptedException {
    // pg_reload_conf() signals the postmaster; new connections see the new pg_hba.conf shortly after.
    for (int attempt = 0; attempt < 50; attempt++) {
      try (Connection ignored = url.connect()) {
        Thread.sleep(100);
      } catch (BadInputException e) {
        return e;
      } catch (java.sql.SQLException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("the server kept accepting the wrong password");
  }

  private static String currentUser(Connection c) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_user")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
