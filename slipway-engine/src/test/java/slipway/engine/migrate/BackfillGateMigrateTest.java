package slipway.engine.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import slipway.engine.backfill.Backfill;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/** Expand, backfill, contract: migrate refuses the contract step until its backfill has finished. */
@ExtendWith(PostgresExtension.class)
class BackfillGateMigrateTest {
  @TempDir Path tmp;

  @Test
  void contractWaitsForTheBackfill(TestDatabase db) throws Exception {
    MigrationDir dir = new MigrationDir(tmp)
        .write("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n"
            + "INSERT INTO users SELECT g, 'U' || g || '@X.COM' FROM generate_series(1, 500) g;\n")
        .write("V2__expand.sql", "ALTER TABLE users ADD COLUMN email_normalized text;\n")
        .write("V3__contract.sql", "-- slipway:requires-backfill=users_email\n"
            + "ALTER TABLE users ADD CONSTRAINT email_normalized_nn CHECK (email_normalized IS NOT NULL) NOT VALID;\n");

    MigrationFailedException refused = assertThrows(MigrationFailedException.class,
        () -> dir.runner(db).build().migrate());
    assertTrue(refused.getMessage().contains("V3__contract.sql: requires backfill 'users_email' to be finished, but it is not started"),
        refused.getMessage());
    // The expand step stays applied; the contract step did not run.
    assertEquals("2", db.value("SELECT max(version) FROM slipway_schema_history WHERE success"));
    assertEquals("0", db.value("SELECT count(*) FROM pg_constraint WHERE conname = 'email_normalized_nn'"));

    assertTrue(Backfill.of(db.url()).name("users_email").table("users")
        .set("email_normalized = lower(email)").where("email_normalized IS NULL").run().finished());

    assertEquals(1, dir.runner(db).build().migrate().migrations().size());
    assertEquals("1", db.value("SELECT count(*) FROM pg_constraint WHERE conname = 'email_normalized_nn'"));
  }
}
