package slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class StatsCommandTest extends CliHarness {
  @TempDir Path tmp;


  @Test void exportThenLintWithSizesMakesTheRiskConcrete(TestDatabase db) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region text)");
      s.execute("INSERT INTO orders SELECT g, g % 100, 'eu' FROM generate_series(1, 50000) g");
      s.execute("ANALYZE orders");
    }
    assertEquals(0, run("stats", "export", "--url", db.url()), err.toString());
    assertTrue(out.toString().contains("\"name\": \"orders\""), out.toString());
    assertTrue(out.toString().contains("\"rows\": 50000"), out.toString());
    Path stats = tmp.resolve("stats.json");
    Files.writeString(stats, out.toString());

    Path m = tmp.resolve("V2__index.sql");
    Files.writeString(m, "CREATE INDEX orders_customer_idx ON orders (customer_id);\nUPDATE orders SET region = 'us';\n");
    out.getBuffer().setLength(0);
    // 50k rows build in well under 30 s: the index build is info, the unbatched UPDATE is still reported.
    int code = run("lint", "--stats", stats.toString(), m.toString());
    String text = out.toString();
    assertTrue(text.contains("info[create-index-blocks-writes]"), text);
    assertTrue(text.contains("\"orders\" (50k rows"), text);
    assertEquals(1, code, text);

    out.getBuffer().setLength(0);
    run("lint", "--url", db.url(), "--format", "json", m.toString());
    assertTrue(out.toString().contains("\"estimatedLockSeconds\": 0."), out.toString());
  }

  @Test void exportWithoutADatabaseIsBadInput() {
    assertEquals(2, run("stats", "export", "--url", "postgres://nobody@127.0.0.1:1/none"));
    assertTrue(err.toString().contains("cannot connect"), err.toString());
  }
}
