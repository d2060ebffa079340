package slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class TraceCommandTest {
  private static final String ORDERS = """
      CREATE TABLE orders (id int PRIMARY KEY, customer_id int, total int);
      INSERT INTO orders SELECT g, g % 100, g FROM generate_series(1, 5000) g;
      """;
  private static final String SECRET = "Tr0ub4dor-and-3";

  /** Everything a migration could have changed: relations (and their files), columns, constraints. */
  private static final String CATALOG = """
      SELECT string_agg(x, E'\\n' ORDER BY x) FROM (
        SELECT c.relname || ' ' || c.relkind::text || ' ' || c.relfilenode
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        UNION ALL
        SELECT a.attrelid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE a.attnum > 0 AND NOT a.attisdropped AND n.nspname = 'public'
        UNION ALL
        SELECT conname || ' ' || contype::text || ' ' || convalidated FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace
      ) s(x)""";

  @TempDir Path dir;

  private String file(String name, String sql) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, sql);
    return f.toString();
  }

  @Test
  void tracesAgainstAUrlAndRollsBack(TestDatabase db) throws Exception {
    db.execute(ORDERS);
    String before = db.value(CATALOG);
    CommandRun run = CommandRun.of("trace", file("V2__index.sql", "CREATE INDEX orders_customer_idx ON orders (customer_id);"),
        "--url", db.url());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("orders    ShareLock  writes"), run.out());
    assertTrue(run.out().contains("rolled back"), run.out());
    assertEquals(before, db.value(CATALOG));
  }

  @Test
  void jsonUsesTheDesignFieldNames(TestDatabase db) throws Exception {
    db.execute(ORDERS);
    CommandRun run = CommandRun.of("trace", file("V2__bigint.sql", "ALTER TABLE orders ALTER COLUMN total TYPE bigint;"),
        "--url", db.url(), "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    String json = run.out().replaceAll("\\s+", "");
    assertTrue(json.startsWith("{\"tool\":\"slipway\""), json);
    assertTrue(json.contains("\"locks\":[{\"relation\":\"orders\",\"mode\":\"AccessExclusiveLock\""), json);
    assertTrue(json.contains("\"rewrite\":true"), json);
    assertTrue(json.contains("\"durationMs\":"), json);
    assertTrue(json.contains("\"transactional\":true"), json);
  }

  @Test
  void commitAppliesTheStatements(TestDatabase db) throws Exception {
    db.execute(ORDERS + "INSERT INTO orders SELECT g, g % 100, g FROM generate_series(5001, 30000) g;");
    CommandRun run = CommandRun.of("trace", file("V2__index.sql", "CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);"),
        "--url", db.url(), "--commit");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("ShareUpdateExclusiveLock"), run.out());
    assertEquals("1", db.value("SELECT count(*) FROM pg_class WHERE relname = 'orders_total_idx'"));
  }

  @Test
  void aFailingStatementIsOneLineWithFileLineAndCauseAndChangesNothing(TestDatabase db) throws Exception {
    db.execute(ORDERS);
    String before = db.value(CATALOG);
    String bad = file("V3__bad.sql", """
        ALTER TABLE orders ADD COLUMN a int;
        CREATE INDEX orders_a_idx ON orders (a);
        ALTER TABLE orders ALTER COLUMN total TYPE bigint;
        ALTER TABLE orders ADD COLUMN b nosuchtype;
        """);
    CommandRun run = CommandRun.of("trace", bad, "--url", db.url());
    assertEquals(2, run.exitCode());
    assertEquals(1, run.errLines().length, run.err());
    assertEquals("slipway: " + bad + ":4:33: type \"nosuchtype\" does not exist; nothing was committed", run.errLines()[0]);
    assertEquals(before, db.value(CATALOG), "the database must be exactly as it was");
  }

  @Test
  void aMissingFileIsOneLine() {
    CommandRun run = CommandRun.of("trace", dir.resolve("V9__nope.sql").toString());
    assertEquals(2, run.exitCode());
    assertEquals(1, run.errLines().length, run.err());
    assertTrue(run.errLines()[0].startsWith("slipway: " + dir.resolve("V9__nope.sql") + ": no such file or folder"), run.err());
  }

  @Test
  void anUnreachableDatabaseIsOneLineWithoutThePassword() throws Exception {
    String f = file("V1__t.sql", "CREATE TABLE t (id int);");
    CommandRun run = captureProcessStreams(() ->
        CommandRun.of("trace", f, "--url", "postgres://app:" + SECRET + "@localhost:1/app"));
    assertEquals(2, run.exitCode());
    assertEquals(1, run.errLines().length, run.err());
    assertTrue(run.err().startsWith("slipway: postgresql://app:***@localhost:1/app: cannot connect: Connection to localhost:1 refused"),
        run.err());
    assertFalse((run.out() + run.err() + processOutput).contains(SECRET));
  }

  @Test
  void aPasswordNeverAppearsInOutputOrErrors(TestDatabase db) throws Exception {
    db.execute(ORDERS);
    String port = db.value("SHOW port");
    String f = file("V2__c.sql", "ALTER TABLE orders ADD COLUMN c int;");
    // The embedded server trusts local connections, so the password is accepted and ignored…
    CommandRun ok = captureProcessStreams(() -> CommandRun.of("trace", f, "--format", "json",
        "--url", "postgresql://postgres:" + SECRET + "@localhost:" + port + "/" + db.name()));
    assertEquals(0, ok.exitCode(), ok.err());
    assertTrue(ok.out().contains("\"target\": \"postgresql://postgres:***@localhost:" + port + "/"), ok.out());
    assertFalse((ok.out() + ok.err() + processOutput).contains(SECRET));
    // …and an unknown role fails authentication.
    CommandRun denied = captureProcessStreams(() -> CommandRun.of("trace", f,
        "--url", "jdbc:postgresql://localhost:" + port + "/" + db.name() + "?user=nobody_here&password=" + SECRET));
    assertEquals(2, denied.exitCode());
    assertTrue(denied.err().contains("role \"nobody_here\" does not exist"), denied.err());
    assertFalse((denied.out() + denied.err() + processOutput).contains(SECRET));
    // The statement error path names the file, not the URL.
    CommandRun failing = captureProcessStreams(() -> CommandRun.of("trace", f, "--url",
        "postgresql://postgres:" + SECRET + "@localhost:" + port + "/" + db.name() + "?options=-c%20search_path%3Dnowhere"));
    assertEquals(2, failing.exitCode());
    assertFalse((failing.out() + failing.err() + processOutput).contains(SECRET));
  }

  @Test
  void withoutUrlTheEmbeddedServerGetsTheEarlierMigrationsFirst() throws Exception {
    file("V1__orders.sql", "CREATE TABLE orders (id int, total int);");
    file("V2__customers.sql", "CREATE TABLE customers (id int);");
    String v10 = file("V10__bigint.sql", "ALTER TABLE orders ALTER COLUMN total TYPE bigint;");
    file("V11__later.sql", "DROP TABLE orders;");
    CommandRun run = CommandRun.of("trace", v10);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Applied first: V1__orders.sql, V2__customers.sql\n"), run.out());
    assertTrue(run.out().contains("AccessExclusiveLock"), run.out());
    assertFalse(run.out().contains("V11"), run.out());
  }

  private String processOutput = "";

  /** Also captures System.out/err, where a driver or logger would write. */
  private CommandRun captureProcessStreams(java.util.concurrent.Callable<CommandRun> body) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true);
    System.setOut(capture);
    System.setErr(capture);
    try {
      return body.call();
    } finally {
      System.setOut(out);
      System.setErr(err);
      processOutput = captured.toString();
    }
  }
}
