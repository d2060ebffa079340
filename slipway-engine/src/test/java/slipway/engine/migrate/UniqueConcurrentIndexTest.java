package slipway.engine.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class UniqueConcurrentIndexTest {
  @TempDir Path tmp;

  /** PostgreSQL leaves an INVALID index when a unique concurrent build meets duplicates; Slipway drops it. */
  @Tag("pg-behaviour")
  @Test
  void duplicateKeysLeaveNoIndexAndTheErrorNamesTheKey(TestDatabase db) throws Exception {
    MigrationDir dir = new MigrationDir(tmp)
        .write("V1__users.sql", "CREATE TABLE users (id int, email text);\n"
            + "INSERT INTO users VALUES (1, 'a@example.com'), (2, 'dup@example.com'), (3, 'dup@example.com');\n")
        .write("V2__unique.sql", "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\n");
    MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> dir.runner(db).build().migrate());
    assertTrue(e.getMessage().contains("Key (email)=(dup@example.com) is duplicated"), e.getMessage());
    assertTrue(e.getMessage().contains("V2__unique.sql:1:1"), e.getMessage());
    assertTrue(e.getMessage().contains("no index was left behind"), e.getMessage());
    assertEquals("0", db.value("SELECT count(*) FROM pg_class WHERE relname = 'users_email_key'"));
    assertEquals("0", db.value("SELECT count(*) FROM pg_index WHERE NOT indisvalid"));
    assertEquals("false", db.value("SELECT success::text FROM slipway_schema_history WHERE version = '2'"));

    // Fix the data; the rerun resumes the failed migration and builds the index.
    db.execute("DELETE FROM users WHERE id = 3");
    dir.runner(db).build().migrate();
    assertEquals("t", db.value("SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_email_key'::regclass"));
    assertEquals("true", db.value("SELECT success::text FROM slipway_schema_history WHERE version = '2'"));
  }
}
