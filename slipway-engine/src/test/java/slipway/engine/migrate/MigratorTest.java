package slipway.engine.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import slipway.core.BadInputException;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class MigratorTest {
  @TempDir Path tmp;

  @Test
  void appliesPendingMigrationsOnceAndRecordsThem(TestDatabase db) throws Exception {
    MigrationDir dir = new MigrationDir(tmp)
        .write("V1__create_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\n"
            + "INSERT INTO orders VALUES (1, 10), (2, 20);\n")
        .write("V2__index.sql", "ALTER TABLE orders ADD COLUMN region text;\n"
            + "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\n"
            + "UPDATE orders SET region = 'eu';\n");
    MigrateResult first = dir.runner(db).build().migrate();
    assertEquals(2, first.migrations().size());
    assertEquals("2", db.value("SELECT count(*) FROM orders WHERE region = 'eu'"));
    assertEquals("t", db.value("SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_customer_idx'::regclass"));
    assertEquals(List.of("1|true|2|2", "2|true|3|3"), db.column("SELECT version || '|' || success || '|' "
        + "|| statements_total || '|' || statements_done FROM slipway_schema_history ORDER BY installed_rank"));
    assertTrue(db.value("SELECT checksum FROM slipway_schema_history WHERE version = '1'").startsWith("sha256:"));

    MigrateResult second = dir.runner(db).build().migrate();
    assertEquals(0, second.migrations().size());
    assertEquals("2", db.value("SELECT count(*) FROM slipway_schema_history"));
  }

  @Test
  void plansConcurrentStatementsOutsideTheTransaction(TestDatabase db) {
    MigrationDir dir = new MigrationDir(tmp)
        .write("V1__mixed.sql", "-- slipway:lock-timeout=5s\nCREATE TABLE t (id int, c int);\nINSERT INTO t VALUES (1, 1);\n"
            + "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_c ON ONLY public.t (c);\nALTER TABLE t ADD COLUMN d int;\n"
            + "ALTER TABLE t ADD CONSTRAINT t_d CHECK (d > 0) NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT t_d;\n");
    DryRun dry = dir.runner(db).build().dryRun();
    Plan plan = dry.items().get(0).plan();
    assertEquals(List.of(true, false, true), plan.groups().stream().map(Plan.Group::transactional).toList());
    assertEquals(List.of(2, 1, 3), plan.groups().stream().map(g -> g.steps().size()).toList());
    Plan.Step cic = plan.step(2);
    assertEquals("t_c", cic.traits().indexName());
    assertEquals("\"public\".\"t\"", cic.traits().table());
    assertEquals(java.time.Duration.ofHours(1), cic.lockTimeout());
    assertEquals(java.time.Duration.ofSeconds(5), plan.step(3).lockTimeout());
    assertTrue(plan.step(5).traits().concurrentBudget(), "VALIDATE CONSTRAINT gets the concurrent budget");
    String text = String.join("\n", dry.describe());
    assertTrue(text.contains("group 2: autocommit (CREATE INDEX CONCURRENTLY cannot run in a transaction block)"), text);
    assertTrue(text.contains("lock_timeout 5.0s"), text);
  }

  @Test
  void addEnumValueEndsItsTransactionSoTheValueIsUsable(TestDatabase db) throws Exception {
    MigrationDir dir = new MigrationDir(tmp)
        .write("V1__enum.sql", "CREATE TYPE mood AS ENUM ('ok');\nCREATE TABLE m (v mood);\n")
        .write("V2__add.sql", "ALTER TYPE mood ADD VALUE 'great';\nINSERT INTO m VALUES ('great');\n");
    dir.runner(db).build().migrate();
    assertEquals("great", db.value("SELECT v::text FROM m"));
  }

  @Test
  void aFailingStatementRollsBackItsMigrationAndLeavesNoRow(TestDatabase db) throws Exception {
    MigrationDir dir = new MigrationDir(tmp)
        .write("V1__ok.sql", "CREATE TABLE a (id int);\n")
        .write("V2__bad.sql", "CREATE TABLE b (id int);\nSELECT no_such_column FROM a;\n");
    MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> dir.runner(db).build().migrate());
    assertTrue(e.getMessage().contains("V2__bad.sql:2:1"), e.getMessage());
    assertTrue(e.getMessage().contains("nothing of V2 bad was applied"), e.getMessage());
    assertEquals("0", db.value("SELECT count(*) FROM pg_class WHERE relname = 'b'"));
    assertEquals(List.of("1"), db.column("SELECT version FROM slipway_schema_history"));
  }

  @Test
  void editedAppliedMigrationFailsValidateAndMigrateUntilRepaired(TestDatabase db) throws Exception {
    MigrationDir dir = new MigrationDir(tmp).write("V1__t.sql", "CREATE TABLE t (id int);\n");
    dir.runner(db).build().migrate();
    String before = Checksums.slipway("CREATE TABLE t (id int);\n");
    dir.write("V1__t.sql", "CREATE TABLE t (id bigint);\n").write("V2__u.sql", "CREATE TABLE u (id int);\n");
    String after = Checksums.slipway("CREATE TABLE t (id bigint);\n");

    List<Problem> problems = dir.runner(db).build().validate();
    assertEquals(1, problems.size());
    String msg = problems.get(0).toString();
    assertTrue(msg.contains("V1__t.sql") && msg.contains(before) && msg.contains(after), msg);

    MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> dir.runner(db).build().migrate());
    assertTrue(e.getMessage().contains("V1__t.sql") && e.getMessage().contains(before) && e.getMessage().contains(after));
    assertEquals("0", db.value("SELECT count(*) FROM pg_class WHERE relname = 'u'"), "nothing ran");

    List<String> actions = dir.runner(db).build().repair();
    assertEquals(1, actions.size(), actions.toString());
    assertTrue(dir.runner(db).build().validate().isEmpty());
    assertEquals(1, dir.runner(db).build().migrate().migrations().size());
  }

  @Test
  void crlfAndBomDoNotChangeChecksums() {
    assertEquals(Checksums.slipway("a\nb\n"), Checksums.slipway("\uFEFFa\r\nb\r\n"));
    assertEquals(Checksums.flyway("a\nb\n"), Checksums.flyway("\uFEFFa\r\nb\r\n"));
    // java.util.zip.CRC32 of "ab" (lines are hashed without their line ends), as Flyway computes it.
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update("ab".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals((int) crc.getValue(), Checksums.flyway("a\nb"));
  }

  @Test
  void baselineSkipsOlderMigrations(TestDatabase db) throws Exception {
    MigrationDir dir = new MigrationDir(tmp)
        .write("V1__old.sql", "CREATE TABLE old_one (id int);\n")
        .write("V2__new.sql", "CREATE TABLE new_one (id int);\n");
    dir.runner(db).build().baseline("1", null);
    dir.runner(db).build().migrate();
    assertEquals("0", db.value("SELECT count(*) FROM pg_class WHERE relname = 'old_one'"));
    assertEquals("1", db.value("SELECT count(*) FROM pg_class WHERE relname = 'new_one'"));
    assertThrows(MigrationFailedException.class, () -> dir.runner(db).build().baseline("3", null));
  }

  @Test
  void transactionControlInAFileIsBadInputAndNothingRuns(TestDatabase db) throws Exception {
    MigrationDir dir = new MigrationDir(tmp).write("V1__tx.sql", "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n");
    BadInputException e = assertThrows(BadInputException.class, () -> dir.runner(db).build().migrate());
    assertTrue(e.getMessage().startsWith(tmp.resolve("V1__tx.sql") + ":1:1:"), e.getMessage());
    assertEquals("0", db.value("SELECT count(*) FROM pg_class WHERE relname = 'slipway_schema_history'"));
  }

  @Test
  void statusShowsAppliedPendingAndDrift(TestDatabase db) throws Exception {
    MigrationDir dir = new MigrationDir(tmp).write("V1__a.sql", "CREATE TABLE a (id int);\n");
    dir.runner(db).build().migrate();
    dir.write("V1__a.sql", "CREATE TABLE a (id bigint);\n").write("V2__b.sql", "CREATE TABLE b (id int);\n");
    Status status = dir.runner(db).build().status();
    assertEquals(List.of("DRIFT", "PENDING"), status.rows().stream().map(Status.Row::state).toList());
    assertFalse(status.runnerPid() != null);
  }
}
