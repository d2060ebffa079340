package slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway lint} prints the lock model's facts, replaying earlier migrations; bad input is one line, exit 2. */
class LintFactsTest extends CliHarness {
  @TempDir Path tmp;


  Path write(String name, String sql) throws Exception {
    Path f = tmp.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, sql);
    return f;
  }

  @Test
  void laterMigrationKnowsTheEarlierTypeAndIndexes() throws Exception {
    write("db/V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, note varchar(100), amount int);\n");
    write("db/V2__widen.sql", """
        ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);
        ALTER TABLE orders ALTER COLUMN amount TYPE bigint;
        """);
    run("lint", "--format", "json", "--pg-version", "16", tmp.resolve("db").toString());
    String json = out.toString();
    assertTrue(json.contains("\"pgVersion\": 16"), json);
    assertTrue(json.contains("\"sql\": \"ALTER TABLE orders ALTER COLUMN note TYPE varchar(200)\", \"kind\": \"ALTER_TABLE\",\n"
        + "          \"transactional\": true, \"locks\": [{ \"relation\": \"orders\", \"mode\": \"AccessExclusiveLock\" }], "
        + "\"rewrite\": false, \"scan\": false, \"blocksReads\": true, \"blocksWrites\": true, \"category\": 1"), json);
    assertTrue(json.contains("\"locks\": [{ \"relation\": \"orders\", \"mode\": \"AccessExclusiveLock\" }, "
        + "{ \"relation\": \"orders_pkey\", \"mode\": \"AccessExclusiveLock\" }], \"rewrite\": true, \"scan\": true, "
        + "\"blocksReads\": true, \"blocksWrites\": true, \"category\": 3"), json);
    // The table created in V1 is not listed as locked by its own CREATE TABLE.
    assertTrue(json.contains("\"kind\": \"CREATE_TABLE\",\n          \"transactional\": true, \"locks\": []"), json);
  }

  @Test
  void textShowsWhatIsBlockedAndWhetherItGrows() throws Exception {
    write("t/V1__t.sql", "CREATE TABLE t (id bigint, c int);\n");
    write("t/V2__t.sql", "ALTER TABLE t ALTER COLUMN c TYPE bigint;\n");
    run("lint", tmp.resolve("t").toString());
    assertTrue(out.toString().contains(
        "blocks: reads and writes of t wait while every row is rewritten, so the wait grows with the table's size "
            + "(AccessExclusiveLock on t)"),
        out.toString());
  }

  @Test
  void unknownPgVersionIsOneLineExitTwo() throws Exception {
    Path f = write("a.sql", "SELECT 1;\n");
    assertEquals(2, run("lint", "--pg-version", "12", f.toString()));
    assertEquals("slipway: --pg-version: unknown PostgreSQL major 12; use 13 to 18", err.toString().strip());
  }

  @Test
  void malformedSqlIsOneLineExitTwo() throws Exception {
    Path f = write("bad.sql", "SELECT 1;\nSELECT 'unterminated;\n");
    assertEquals(2, run("lint", f.toString()));
    String e = err.toString().strip();
    assertFalse(e.contains("\n"), e);
    assertTrue(e.startsWith("slipway: " + f + ":2:8: "), e);
  }

  @Test
  void grammarErrorIsOneLineExitTwo() throws Exception {
    Path f = write("bad2.sql", "CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN;\n");
    assertEquals(2, run("lint", f.toString()));
    assertTrue(err.toString().strip().startsWith("slipway: " + f + ":2:"), err.toString());
  }

  @Test
  void unreadableFileIsOneLineExitTwo() {
    assertEquals(2, run("lint", tmp.resolve("missing.sql").toString()));
    assertEquals("slipway: " + tmp.resolve("missing.sql") + ": no such file or folder; pass .sql files, a migrations folder, or - for stdin",
        err.toString().strip());
  }
}
