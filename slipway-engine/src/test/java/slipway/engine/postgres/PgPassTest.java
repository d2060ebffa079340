package slipway.engine.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matching rules of PostgreSQL's "The Password File" (libpq-pgpass). */
class PgPassTest {
  @Test
  void firstMatchingLineWins() {
    List<String> lines = List.of("db:5432:shop:bob:first", "*:*:*:*:fallback", "db:5432:shop:bob:second");
    assertEquals("first", PgPass.lookup(lines, "db", 5432, "shop", "bob"));
    assertEquals("fallback", PgPass.lookup(lines, "other", 1, "x", "y"));
  }

  @Test
  void wildcardsMatchAnyValueOfTheirField() {
    List<String> lines = List.of("db:*:*:bob:pw");
    assertEquals("pw", PgPass.lookup(lines, "db", 6543, "anything", "bob"));
    assertNull(PgPass.lookup(lines, "db", 6543, "anything", "carol"));
  }

  @Test
  void backslashEscapesColonsAndBackslashes() {
    List<String> lines = List.of("db\\:1:5432:shop:bob:a\\:b\\\\c:d");
    assertEquals("a:b\\c:d", PgPass.lookup(lines, "db:1", 5432, "shop", "bob"));
    assertEquals(List.of("h", "1", "d", "u", "p:q"), PgPass.fields("h:1:d:u:p:q"));
  }

  @Test
  void commentsBlankAndShortLinesAreIgnored() {
    List<String> lines = List.of("# db:5432:shop:bob:commented", "", "db:5432:shop", "db:5432:shop:bob:real");
    assertEquals("real", PgPass.lookup(lines, "db", 5432, "shop", "bob"));
  }

  @Test
  void aFileOthersCanReadIsIgnoredAsLibpqDoes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pgpass");
    Files.writeString(file, "*:*:*:*:pw\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertNull(PgPass.lookup(file, "db", 5432, "shop", "bob"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertEquals("pw", PgPass.lookup(file, "db", 5432, "shop", "bob"));
    assertNull(PgPass.lookup(dir.resolve("absent"), "db", 5432, "shop", "bob"));
  }
}
