package slipway.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import slipway.core.BadInputException;

class MigrationLoaderTest {
  @TempDir Path dir;

  private void write(String rel, String text) throws IOException {
    Path f = dir.resolve(rel);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  private List<Migration> load() {
    return MigrationLoader.load(List.of(dir.toString()));
  }

  private static List<String> versions(List<Migration> ms) {
    return ms.stream().map(m -> m.version() == null ? "-" : m.version()).toList();
  }

  @Test
  void flywayVersionsCompareNumericallyPartByPart() throws IOException {
    write("V10__ten.sql", "SELECT 10;");
    write("V2__two.sql", "SELECT 2;");
    write("V1_2__one_two.sql", "SELECT 12;");
    write("V1_10__one_ten.sql", "SELECT 110;");
    write("V13.1__thirteen.sql", "SELECT 131;");
    write("R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;");
    write("U2__undo_two.sql", "SELECT 'undo';");
    List<Migration> ms = load();
    assertEquals(List.of("1.2", "1.10", "2", "10", "13.1", "-"), versions(ms));
    assertEquals("one two", ms.get(0).description());
    assertEquals(Migration.Kind.REPEATABLE, ms.get(5).kind());
    assertTrue(ms.stream().allMatch(m -> m.format() == MigrationFormat.FLYWAY));
  }

  @Test
  void flywayConfFileTurnsTheTransactionOff() throws IOException {
    write("V1__idx.sql", "CREATE INDEX CONCURRENTLY i ON t (c);");
    write("V1__idx.sql.conf", "executeInTransaction=false\n");
    assertFalse(load().get(0).transactional());
  }

  @Test
  void prismaFolders() throws IOException {
    write("migrations/20240102000000_second/migration.sql", "ALTER TABLE \"User\" ADD COLUMN x int;");
    write("migrations/20230101000000_init/migration.sql", "CREATE TABLE \"User\" (id int);");
    List<Migration> ms = load();
    assertEquals(List.of("20230101000000", "20240102000000"), versions(ms));
    assertEquals("init", ms.get(0).description());
    assertEquals(MigrationFormat.PRISMA, ms.get(0).format());
  }

  @Test
  void golangMigrateSkipsDownFiles() throws IOException {
    write("0002_add.up.sql", "ALTER TABLE t ADD c int;");
    write("0002_add.down.sql", "ALTER TABLE t DROP c;");
    write("0001_init.up.sql", "CREATE TABLE t (id int);");
    write("0010_more.up.sql", "SELECT 1;");
    List<Migration> ms = load();
    assertEquals(List.of("0001", "0002", "0010"), versions(ms));
    assertEquals(MigrationFormat.GOLANG_MIGRATE, ms.get(0).format());
  }

  @Test
  void gooseKeepsOnlyTheUpSectionWithItsPositionInTheFile() throws IOException {
    write("002_add.sql", """
        -- +goose NO TRANSACTION
        -- +goose Up
        -- +goose StatementBegin
        CREATE INDEX CONCURRENTLY i ON t (c);
        -- +goose StatementEnd

        -- +goose Down
        DROP INDEX i;
        """);
    write("001_init.sql", "-- +goose Up\nCREATE TABLE t (c int);\n-- +goose Down\nDROP TABLE t;\n");
    List<Migration> ms = load();
    assertEquals(List.of("001", "002"), versions(ms));
    Migration add = ms.get(1);
    assertEquals(MigrationFormat.GOOSE, add.format());
    assertFalse(add.transactional());
    assertTrue(ms.get(0).transactional());
    assertFalse(add.text().contains("DROP INDEX"));
    assertEquals(2, add.line());
    int inText = add.text().indexOf("CREATE INDEX");
    String file = Files.readString(dir.resolve("002_add.sql"));
    assertEquals(file.indexOf("CREATE INDEX"), add.fileOffset(inText));
    assertEquals(4, add.fileLine(MigrationLoader.lineAt(add.text(), inText)));
  }

  @Test
  void dieselUpFoldersInDateOrderAndMetadataToml() throws IOException {
    write("migrations/2019-02-27-170003_create_community/up.sql", "CREATE TABLE community (id int);");
    write("migrations/2019-02-27-170003_create_community/down.sql", "DROP TABLE community;");
    write("migrations/2019-02-26-002946_create_user/up.sql", "CREATE TABLE u (id int);");
    write("migrations/2026-03-08-202630-0000_fk/up.sql", "SELECT 1;");
    write("migrations/2026-03-09-000000_idx/up.sql", "CREATE INDEX CONCURRENTLY i ON u (id);");
    write("migrations/2026-03-09-000000_idx/metadata.toml", "run_in_transaction = false\n");
    List<Migration> ms = load();
    assertEquals(List.of("2019-02-26-002946", "2019-02-27-170003", "2026-03-08-202630-0000", "2026-03-09-000000"),
        versions(ms));
    assertEquals(MigrationFormat.DIESEL, ms.get(0).format());
    assertTrue(ms.get(2).transactional());
    assertFalse(ms.get(3).transactional());
  }

  @Test
  void popxPrefersPostgresVariantAndAutocommitRunsOutsideATransaction() throws IOException {
    write("20210101000000000001_ids.up.sql", "generic;");
    write("20210101000000000001_ids.postgres.up.sql", "CREATE TABLE ids (id int);");
    write("20210101000000000001_ids.mysql.up.sql", "mysql;");
    write("20210101000000000001_ids.postgres.down.sql", "DROP TABLE ids;");
    write("20241029153900000001_ids.autocommit.up.sql", "CREATE INDEX CONCURRENTLY i ON ids (id);");
    List<Migration> ms = load();
    assertEquals(2, ms.size());
    assertEquals("CREATE TABLE ids (id int);", ms.get(0).text());
    assertEquals(MigrationFormat.POPX, ms.get(0).format());
    assertTrue(ms.get(0).transactional());
    assertFalse(ms.get(1).transactional());
  }

  @Test
  void liquibaseChangesetsWithAttributes() throws IOException {
    write("changelog.sql", """
        --liquibase formatted sql

        --changeset alice:1
        CREATE TABLE t (id int);
        --rollback DROP TABLE t;

        --changeset bob:2 runInTransaction:false
        CREATE INDEX CONCURRENTLY t_id ON t (id);

        --changeset bob:3 dbms:mysql
        ALTER TABLE t ENGINE=InnoDB;

        --changeset carol:4 splitStatements:false
        CREATE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql;
        """);
    List<Migration> ms = load();
    assertEquals(3, ms.size());
    assertEquals("changeset alice:1", ms.get(0).description());
    assertTrue(ms.get(0).transactional());
    assertFalse(ms.get(1).transactional());
    assertEquals(7, ms.get(1).line());
    assertFalse(ms.get(2).splitStatements());
    assertTrue(ms.get(1).text().contains("CONCURRENTLY"));
    assertFalse(ms.get(0).text().contains("CONCURRENTLY"));
  }

  @Test
  void plainFilesKeepArgumentOrderAndNaturalNameOrderInFolders() throws IOException {
    write("versioned/v1.10/b.sql", "SELECT 3;");
    write("versioned/v1.2/a.sql", "SELECT 2;");
    write("schema.sql", "SELECT 1;");
    List<Migration> ms = load();
    assertEquals(List.of("SELECT 1;", "SELECT 2;", "SELECT 3;"), ms.stream().map(Migration::text).toList());
    assertEquals(MigrationFormat.PLAIN, ms.get(0).format());
    Path a = dir.resolve("z.sql");
    Path b = dir.resolve("a.sql");
    Files.writeString(a, "SELECT 'z';");
    Files.writeString(b, "SELECT 'a';");
    List<Migration> given = MigrationLoader.load(List.of(a.toString(), b.toString()));
    assertEquals(List.of("SELECT 'z';", "SELECT 'a';"), given.stream().map(Migration::text).toList());
  }

  @Test
  void stdinIsAPlainMigrationUnlessItsContentSaysOtherwise() {
    List<Migration> ms = MigrationLoader.load(List.of("-"), () -> "ALTER TABLE t ADD c int;");
    assertEquals(1, ms.size());
    assertEquals("<stdin>", ms.get(0).file());
    List<Migration> goose = MigrationLoader.load(List.of("-"),
        () -> "-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;\n");
    assertEquals("-- +goose Up\nSELECT 1;\n", goose.get(0).text());
  }

  @Test
  void missingPathIsBadInput() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> MigrationLoader.load(List.of(dir.resolve("nope.sql").toString())));
    assertTrue(e.getMessage().contains("nope.sql: no such file"), e.getMessage());
  }

  @Test
  void folderWithoutSqlIsBadInput() throws IOException {
    write("README.md", "hi");
    assertThrows(BadInputException.class, this::load);
  }

  @Test
  void versionComparison() {
    assertTrue(Version.compare("1.2", "1.10") < 0);
    assertTrue(Version.compare("0120", "99") > 0);
    assertTrue(Version.compare("20210311102338000015", "20210311102338000016") < 0);
    assertTrue(Version.compare("1", "1.0.1") < 0);
    assertEquals(0, Version.compare("01", "1"));
  }

  @Test
  void textIsUtf8AndLatin1FilesStillLoad() throws IOException {
    Files.write(dir.resolve("V1__utf8.sql"), "COMMENT ON TABLE t IS 'caf\u00e9 \ufffd';".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Files.write(dir.resolve("V2__latin1.sql"), "COMMENT ON TABLE t IS 'caf\u00e9';".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    List<Migration> ms = load();
    assertEquals("COMMENT ON TABLE t IS 'caf\u00e9 \ufffd';", ms.get(0).text());
    assertEquals("COMMENT ON TABLE t IS 'caf\u00e9';", ms.get(1).text());
  }

  @Test
  void gooseAnnotationsInAnyCase() throws IOException {
    write("001_a.sql", "-- +GOOSE UP\nSELECT 1;\n-- +Goose Down\nSELECT 2;\n");
    write("002_b.sql", "SELECT 1 + 2; -- + goose is not an annotation\n");
    List<Migration> ms = load();
    assertEquals(MigrationFormat.GOOSE, ms.get(0).format());
    assertEquals("-- +GOOSE UP\nSELECT 1;\n", ms.get(0).text());
    assertEquals(MigrationFormat.PLAIN, ms.get(1).format());
  }

  @Test
  void manyFilesLoadInApplyOrderWhateverThreadReadsThem() throws IOException {
    for (int v = 300; v >= 1; v--) {
      write("V" + v + "__m.sql", "CREATE TABLE t" + v + " (c int);");
    }
    write("baseline.sql", "CREATE SCHEMA s;");
    List<Migration> ms = load();
    assertEquals(301, ms.size());
    assertEquals("baseline.sql", Path.of(ms.get(0).file()).getFileName().toString());
    for (int v = 1; v <= 300; v++) {
      assertEquals(String.valueOf(v), ms.get(v).version());
      assertEquals("CREATE TABLE t" + v + " (c int);", ms.get(v).text());
    }
  }

  @Test
  void badPathAfterManyFilesIsStillBadInput() throws IOException {
    for (int v = 1; v <= 100; v++) {
      write("V" + v + "__m.sql", "SELECT " + v + ";");
    }
    BadInputException e = assertThrows(BadInputException.class,
        () -> MigrationLoader.load(List.of(dir.toString(), dir.resolve("nope.sql").toString())));
    assertTrue(e.getMessage().contains("nope.sql: no such file"), e.getMessage());
  }
}
