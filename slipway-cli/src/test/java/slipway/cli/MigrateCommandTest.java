package slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class MigrateCommandTest extends CliHarness {
  @TempDir Path tmp;


  @Test
  void migratesPrintsProgressAndASummaryThenStatusShowsApplied(TestDatabase db) throws Exception {
    Files.writeString(tmp.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\n");
    Files.writeString(tmp.resolve("V2__index.sql"), "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\n");
    assertEquals(0, run("migrate", "--url", db.url(), tmp.toString()), err.toString());
    String text = out.toString();
    assertTrue(text.contains("V1 orders: 1 statement(s), 1 transaction"), text);
    assertTrue(text.contains("V2 index: done in"), text);
    assertTrue(text.contains("migration") && text.contains("lock wait"), "summary table: " + text);

    out.getBuffer().setLength(0);
    assertEquals(0, run("status", "--url", db.url(), tmp.toString()));
    assertTrue(out.toString().contains("V2 index") && out.toString().contains("APPLIED"), out.toString());
  }

  @Test
  void jsonLogFormatPrintsOneEventObjectPerLine(TestDatabase db) throws Exception {
    Files.writeString(tmp.resolve("V1__t.sql"), "CREATE TABLE t (id int);\n");
    assertEquals(0, run("migrate", "--log-format", "json", "--url", db.url(), tmp.toString()), err.toString());
    for (String line : out.toString().strip().split("\n")) {
      assertTrue(line.startsWith("{\"time\":\"") && line.endsWith("}") && line.contains("\"event\":"), line);
    }
    assertTrue(out.toString().contains("\"event\":\"migration.done\""), out.toString());
  }

  @Test
  void dryRunPrintsThePlanAndChangesNothing(TestDatabase db) throws Exception {
    Files.writeString(tmp.resolve("V1__t.sql"), "CREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY t_id ON t (id);\n");
    Files.writeString(tmp.resolve("V2__c.sql"), "ALTER TABLE t ADD COLUMN c int;\n");
    assertEquals(0, run("migrate", "--dry-run", "--url", db.url(), tmp.toString()), err.toString());
    assertTrue(out.toString().contains("group 2: autocommit"), out.toString());
    assertTrue(out.toString().contains("locks: t ShareUpdateExclusiveLock"), out.toString());
    assertTrue(out.toString().contains("locks: t AccessExclusiveLock"), out.toString());
    assertEquals("0", db.value("SELECT count(*) FROM pg_class WHERE relname IN ('t', 'slipway_schema_history')"));
  }

  @Test
  void editedMigrationFailsValidateWithExitOneAndRepairAcceptsIt(TestDatabase db) throws Exception {
    Path file = tmp.resolve("V1__t.sql");
    Files.writeString(file, "CREATE TABLE t (id int);\n");
    assertEquals(0, run("migrate", "--url", db.url(), tmp.toString()));
    Files.writeString(file, "CREATE TABLE t (id int); -- edited\n");
    assertEquals(1, run("validate", "--url", db.url(), tmp.toString()));
    assertTrue(err.toString().contains(file.toString()) && err.toString().contains("sha256:"), err.toString());
    assertEquals(1, run("migrate", "--url", db.url(), tmp.toString()));
    assertEquals(0, run("repair", "--url", db.url(), tmp.toString()));
    assertEquals(0, run("validate", "--url", db.url(), tmp.toString()));
  }

  @Test
  void thePasswordIsNeverPrinted(TestDatabase db) throws Exception {
    Files.writeString(tmp.resolve("V1__t.sql"), "CREATE TABLE t (id int);\nSELECT pg_sleep(0.3);\n");
    String url = db.url() + "&password=s3cr3t-pw";
    assertEquals(0, run("migrate", "--log-format", "json", "--url", url, tmp.toString()), err.toString());
    assertEquals(0, run("status", "--url", url, tmp.toString()));
    assertEquals(2, run("migrate", "--url", url.replaceFirst("localhost:\\d+", "localhost:1"), tmp.toString()));
    assertTrue(err.toString().contains("cannot connect"), err.toString());
    assertTrue(!(out.toString() + err.toString()).contains("s3cr3t-pw"), out + "\n" + err);
  }

  @Test
  void badDurationIsExitTwo(TestDatabase db) {
    assertEquals(2, run("migrate", "--lock-timeout", "soon", "--url", db.url(), tmp.toString()));
    assertTrue(err.toString().contains("--lock-timeout"), err.toString());
  }

  @Test
  void badReplicationWaitIsExitTwo(TestDatabase db) {
    assertEquals(2, run("migrate", "--replication-wait", "a while", "--url", db.url(), tmp.toString()));
    assertTrue(err.toString().contains("--replication-wait"), err.toString());
  }
}
