package slipway.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import slipway.core.rule.Stats;
import slipway.core.rule.StatsFile;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class StatsExportTest {
  @Test void exportsRowsSizesAndRatesAndRoundTripsThroughTheFile(TestDatabase db) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, note text)");
      s.execute("INSERT INTO orders SELECT g, repeat('x', 100) FROM generate_series(1, 20000) g");
      s.execute("CREATE SCHEMA billing");
      s.execute("CREATE TABLE billing.invoices (id bigint)");
      s.execute("ANALYZE");
      Stats stats = StatsExport.export(c);
      Stats.TableStats orders = stats.of("orders");
      assertNotNull(orders, stats.toString());
      assertEquals(20000, orders.rows());
      assertTrue(orders.bytes() > 20000L * 100, "heap, TOAST and the primary key: " + orders.bytes());
      assertNotNull(stats.of("billing.invoices"), "other schemas keep their prefix");
      assertNull(stats.of("pg_class"), "no catalog tables");
      Stats back = StatsFile.parse("stats.json", StatsFile.write(stats, StatsExport.major(c)));
      assertEquals(orders.rows(), back.of("orders").rows());
      assertEquals(orders.bytes(), back.of("orders").bytes());
    }
  }
}
