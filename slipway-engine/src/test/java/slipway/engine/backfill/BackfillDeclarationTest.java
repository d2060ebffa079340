package slipway.engine.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import slipway.core.BadInputException;

class BackfillDeclarationTest {
  @Test
  void contractMigrationNamesTheBackfillsItNeeds() {
    assertEquals(List.of("users_email", "orders_region"), BackfillGate.requiredBackfills("""
        -- Contract: email_normalized is complete.
        -- slipway:requires-backfill=users_email
        --   slipway:requires-backfill = orders_region

        ALTER TABLE users ALTER COLUMN email_normalized SET NOT NULL;
        -- slipway:requires-backfill=too_late
        """));
    assertEquals(List.of(), BackfillGate.requiredBackfills("ALTER TABLE t DROP COLUMN c;"));
  }

  @Test
  void backfillFileWithContinuationLinesAndDefaultName() {
    BackfillFile f = BackfillFile.parse(Path.of("db/V5__backfill_emails.backfill"), """
        # expand: V4 added email_normalized; contract: V6 sets it NOT NULL
        table = users
        set   = email_normalized =
                lower(trim(email))
        where = email_normalized IS NULL
        target-batch-ms = 100
        """);
    assertEquals("backfill_emails", f.name());
    assertEquals("email_normalized =\nlower(trim(email))", f.values().get("set"));
    Backfill b = f.applyTo(Backfill.of("jdbc:postgresql://localhost/x"));
    assertEquals("users", b.table);
    assertEquals(100, b.targetBatch.toMillis());
  }

  @Test
  void backfillFileErrorsSayWhere() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> BackfillFile.parse(Path.of("V5__x.backfill"), "table = t\nbatch = 5\n"));
    assertEquals("V5__x.backfill:2:1: unknown key 'batch'; keys: key, max-batch, min-batch, name, pause-ms, set,"
        + " table, target-batch-ms, template, where", e.getMessage());
  }

  @Test
  void batchSizeAimsAtTheTargetDurationWithinBounds() {
    BatchSizeController c = new BatchSizeController(200, 100, 10_000, 1000);
    c.observe(1000, 50); // 4x too fast: at most doubles
    assertEquals(2000, c.size());
    for (int i = 0; i < 20; i++) {
      c.observe(c.size(), c.size() * 0.05); // 0.05 ms per key -> 4000 keys for 200 ms
    }
    assertEquals(4000, c.size(), 100);
    for (int i = 0; i < 30; i++) {
      c.observe(c.size(), c.size() * 10.0); // very slow: down to the minimum, halving at most
    }
    assertEquals(100, c.size());
    c.observe(10, 0.01); // a short last batch does not grow the size
    assertEquals(100, c.size());
  }
}
