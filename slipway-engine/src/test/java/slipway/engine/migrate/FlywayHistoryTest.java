package slipway.engine.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/** A Flyway project adopts Slipway without re-baselining, and Flyway accepts what Slipway wrote. */
@ExtendWith(PostgresExtension.class)
class FlywayHistoryTest {
  @TempDir Path tmp;

  private Flyway flyway(TestDatabase db, Path dir) {
    return Flyway.configure().loggers("slf4j").dataSource(db.url(), null, null).locations("filesystem:" + dir).load();
  }

  @Test
  void continuesAnExistingFlywayHistoryWithMatchingChecksums(TestDatabase db) throws Exception {
    MigrationDir dir = new MigrationDir(tmp)
        .write("V1__create.sql", "\uFEFFCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\r\n"
            + "INSERT INTO orders VALUES (1, 1);\r\n")
        .write("V1_1__more.sql", "ALTER TABLE orders ADD COLUMN note text;\n")
        .write("R__view.sql", "CREATE OR REPLACE VIEW order_ids AS SELECT id FROM orders;\n");
    flyway(db, tmp).migrate();
    List<String> before = db.column("SELECT installed_rank || ' ' || coalesce(version, '-') || ' ' || checksum "
        + "FROM flyway_schema_history ORDER BY installed_rank");

    dir.write("V2__index.sql", "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\n"
        + "UPDATE orders SET note = 'x';\n");
    // Slipway validates Flyway's own checksums (BOM, CRLF) and applies only V2, in Flyway's table.
    assertTrue(dir.runner(db).build().validate().isEmpty());
    MigrateResult result = dir.runner(db).build().migrate();
    assertEquals(List.of("V2 index"), result.migrations().stream().map(MigrateResult.Outcome::label).toList());
    assertEquals("public.flyway_schema_history", result.history());
    assertEquals("0", db.value("SELECT count(*) FROM pg_class WHERE relname = 'slipway_schema_history'"));
    List<String> after = db.column("SELECT installed_rank || ' ' || coalesce(version, '-') || ' ' || checksum "
        + "FROM flyway_schema_history ORDER BY installed_rank");
    assertEquals(before, after.subList(0, before.size()), "Flyway's rows untouched");
    assertEquals("4 2 " + Checksums.flyway("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\n"
        + "UPDATE orders SET note = 'x';\n"), after.get(3));
    assertEquals("x", db.value("SELECT note FROM orders"));

    // And back: Flyway validates what Slipway recorded and finds nothing pending.
    ValidateResult validate = flyway(db, tmp).validateWithResult();
    assertTrue(validate.validationSuccessful, String.valueOf(validate.invalidMigrations));
    for (MigrationInfo info : flyway(db, tmp).info().all()) {
      assertEquals("Success", info.getState().getDisplayName(), info.getScript());
    }

    // A repeatable Flyway applied is applied again by Slipway when it changes.
    dir.write("R__view.sql", "CREATE OR REPLACE VIEW order_ids AS SELECT id, customer_id FROM orders;\n");
    assertEquals(1, dir.runner(db).build().migrate().migrations().size());
    assertTrue(flyway(db, tmp).validateWithResult().validationSuccessful);
  }
}
