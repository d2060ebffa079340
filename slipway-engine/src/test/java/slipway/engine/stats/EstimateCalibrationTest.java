package slipway.engine.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import slipway.core.rule.Estimate;
import slipway.core.rule.Finding;
import slipway.core.rule.LintConfig;
import slipway.core.rule.Linter;
import slipway.core.rule.Stats;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/**
 * Times real rewrites, scans, index builds and an UPDATE on the embedded server and compares them with
 * {@link Estimate}: the figures in docs/estimates.md. Runs only when asked, because it takes a while:
 * {@code mvn -pl slipway-engine -am test -Dtest=EstimateCalibrationTest -Dslipway.calibrate=1000000
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(PostgresExtension.class)
class EstimateCalibrationTest {
  static final String GIVEN = "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region text, total integer, note text);";

  @Test void estimatesAreWithinAFactorOfThreeOfRealRuns(TestDatabase db) throws Exception {
    String rows = System.getProperty("slipway.calibrate");
    assumeTrue(rows != null, "set -Dslipway.calibrate=<rows> to measure");
    List<String> operations = List.of(
        "ALTER TABLE orders ALTER COLUMN total TYPE bigint",
        "ALTER TABLE orders ALTER COLUMN region SET NOT NULL",
        "ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0)",
        "CREATE INDEX orders_customer_idx ON orders (customer_id)",
        "UPDATE orders SET note = 'x'");
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute(GIVEN);
      s.execute("INSERT INTO orders SELECT g, g % 50000, 'eu-west-' || (g % 3), g % 1000, md5(g::text) "
          + "FROM generate_series(1, " + Long.parseLong(rows) + ") g");
      s.execute("VACUUM ANALYZE orders");
      System.out.println("| statement | rows | size | estimated s | measured s | measured/estimated |");
      System.out.println("|---|---:|---:|---:|---:|---:|");
      for (String op : operations) {
        s.execute("VACUUM ANALYZE orders");
        Stats stats = StatsExport.export(c);
        Stats.TableStats t = stats.of("orders");
        Linter linter = new Linter(slipway.core.rule.Rules.all(), LintConfig.DEFAULT, stats);
        var result = linter.lint(List.of(new Linter.SourceFile("V1.sql", GIVEN)),
            List.of(new Linter.SourceFile("V2.sql", op + ";"))).get(0).statements().get(0);
        List<Finding> findings = result.findings();
        Double estimated = new Estimate(stats).seconds(result.statement(), findings);
        long start = System.nanoTime();
        s.execute(op);
        double measured = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT, "| `%s` | %d | %s | %.2f | %.2f | %.2f |", op, t.rows(),
            slipway.core.rule.Sizes.bytes(t.bytes()), estimated, measured, measured / estimated));
        assertTrue(estimated != null, "no estimate for " + op + ": " + findings);
        assertTrue(measured / estimated < 3 && measured / estimated > 1 / 30.0,
            op + ": measured " + measured + " s, estimated " + estimated + " s");
      }
    }
  }
}
