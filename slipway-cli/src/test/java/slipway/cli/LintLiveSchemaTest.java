package slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/** {@code slipway lint --url}: the migrations are replayed on top of the live database's schema. */
@ExtendWith(PostgresExtension.class)
@org.junit.jupiter.api.Tag("pg-behaviour")
class LintLiveSchemaTest {
  @TempDir Path tmp;

  @Test void aTableThatOnlyTheDatabaseKnowsIsAnalysedFromItsLiveSchema(TestDatabase db) throws Exception {
    db.execute("create table orders (id bigint primary key, total int)");
    Path m = tmp.resolve("V7__widen.sql");
    Files.writeString(m, "ALTER TABLE orders ALTER COLUMN total TYPE bigint;\n");

    CommandRun live = CommandRun.of("lint", "--url", db.url(), "--format", "json", m.toString());
    assertTrue(live.out().contains("\"rewrite\": true"), live.out() + live.err());
    assertTrue(live.out().contains("alter-column-type-rewrites-table"), live.out());
    // The sizes come from the same connection: the estimate is concrete.
    assertTrue(live.out().contains("\"estimatedLockSeconds\": 0."), live.out());
  }

  @Test void withoutUrlTheTableIsUnknownAndARewriteIsAssumed(TestDatabase db) throws Exception {
    // varchar(20) to text is binary coercible: no rewrite, but only the live schema says it was varchar(20).
    db.execute("create table notes (id bigint primary key, body varchar(20))");
    Path m = tmp.resolve("V8__text.sql");
    Files.writeString(m, "ALTER TABLE notes ALTER COLUMN body TYPE text;\n");

    CommandRun live = CommandRun.of("lint", "--url", db.url(), "--format", "json", m.toString());
    assertEquals(0, live.exitCode(), live.out() + live.err());
    assertTrue(live.out().contains("\"rewrite\": false, \"scan\": false"), live.out());

    assertFalse(live.out().contains("alter-column-type-rewrites-table"), live.out());

    CommandRun offline = CommandRun.of("lint", "--format", "json", m.toString());
    assertTrue(offline.out().contains("\"rewrite\": true, \"scan\": true"), offline.out());
    // The rule agrees with the facts: a rewrite is reported, as a warning that says how to know better.
    assertTrue(offline.out().contains("\"rule\": \"alter-column-type-rewrites-table\", \"severity\": \"warning\""),
        offline.out());
    assertTrue(offline.out().contains("Lint with --url"), offline.out());
  }

  @Test void aTypeSpelledDifferentlyIsNoChangeAndNoFinding(TestDatabase db) throws Exception {
    db.execute("create table items (id bigint primary key, qty int)");
    Path m = tmp.resolve("V11__same.sql");
    Files.writeString(m, "ALTER TABLE items ALTER COLUMN qty TYPE integer;\n");
    CommandRun live = CommandRun.of("lint", "--url", db.url(), "--format", "json", m.toString());
    assertEquals(0, live.exitCode(), live.out() + live.err());
    assertTrue(live.out().contains("\"rewrite\": false"), live.out());
    assertFalse(live.out().contains("alter-column-type-rewrites-table"), live.out());
  }

  @Test void aValidatedCheckInTheDatabaseSparesTheSetNotNullScan(TestDatabase db) throws Exception {
    db.execute("create table notes (id bigint primary key, t text, constraint t_nn check (t is not null))");
    Path m = tmp.resolve("V9__nn.sql");
    Files.writeString(m, "ALTER TABLE notes ALTER COLUMN t SET NOT NULL;\n");

    CommandRun live = CommandRun.of("lint", "--url", db.url(), "--format", "json", m.toString());
    assertTrue(live.out().contains("\"scan\": false"), live.out() + live.err());
    assertFalse(live.out().contains("set-not-null-scans-table"), live.out());
    CommandRun offline = CommandRun.of("lint", "--format", "json", m.toString());
    assertTrue(offline.out().contains("\"scan\": true"), offline.out());
    assertTrue(offline.out().contains("set-not-null-scans-table"), offline.out());
  }

  @Test void anUnreachableDatabaseIsBadInput() {
    CommandRun run = CommandRun.of("lint", "--url", "postgres://nobody:secret@127.0.0.1:1/none", "-");
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertFalse(run.err().contains("secret"), run.err());
  }

  @Test void aTableCreatedBeforeTheMigrationsIsNotNew(TestDatabase db) throws Exception {
    db.execute("create table accounts (id bigint primary key)");
    Path m = tmp.resolve("V9__index.sql");
    Files.writeString(m, "CREATE INDEX accounts_id_idx ON accounts (id);\n");
    // A table created in the same migration would be empty: the index build would not be reported.
    CommandRun live = CommandRun.of("lint", "--url", db.url(), m.toString());
    assertTrue(live.out().contains("create-index"), live.out() + live.err());
    // The contrast: a table created in the same migration is new and empty, so its index build is not reported.
    Path fresh = tmp.resolve("V10__fresh.sql");
    Files.writeString(fresh, "CREATE TABLE fresh (id bigint);\nCREATE INDEX fresh_id_idx ON fresh (id);\n");
    CommandRun created = CommandRun.of("lint", "--url", db.url(), fresh.toString());
    assertFalse(created.out().contains("create-index"), created.out());
  }
}
