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

  /**
   * A concurrent build waits for every older snapshot; with the 2 s lock_timeout it would be
   * cancelled and leave an INVALID index. With its own budget it waits, and says who it waits for.
   */
  @Tag("pg-behaviour")
  @Test
  void aConcurrentBuildWaitsPastTheLockTimeoutAndReportsTheTransactionHoldingItBack(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE orders (id int, customer_id int); CREATE TABLE other (id int)");
    MigrationDir dir = new MigrationDir(tmp)
        .write("V1__idx.sql", "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\n");
    try (java.sql.Connection old = db.connect()) {
      old.setAutoCommit(false);
      old.setTransactionIsolation(java.sql.Connection.TRANSACTION_REPEATABLE_READ);
      int pid;
      try (java.sql.Statement s = old.createStatement(); java.sql.ResultSet rs = s.executeQuery(
          "SELECT pg_backend_pid() FROM other UNION ALL SELECT pg_backend_pid()")) {
        rs.next();
        pid = rs.getInt(1);
      }
      java.util.concurrent.CompletableFuture<MigrateResult> run = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> dir.runner(db).lockTimeout(java.time.Duration.ofMillis(500)).build().migrate());
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
      while (dir.messages("statement.waiting").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      String waiting = dir.messages("statement.waiting").isEmpty() ? "" : dir.messages("statement.waiting").get(0);
      assertTrue(waiting.contains("pid " + pid) && waiting.contains("idle in transaction"), "reported: " + waiting);
      old.commit();
      MigrateResult r = run.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(r.migrations().get(0).lockWaitMillis() >= 4000, r.toString());
    }
    assertEquals("t", db.value("SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_customer_idx'::regclass"));
    assertTrue(dir.messages("statement.retry").isEmpty(), "never cancelled: " + dir.messages("statement.retry"));
  }
}
