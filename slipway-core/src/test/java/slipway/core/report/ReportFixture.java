package slipway.core.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import slipway.core.rule.LintConfig;
import slipway.core.rule.Stats;
import slipway.core.source.Migration;
import slipway.core.source.MigrationLoader;

/** A small lint run over two migrations for the reporter tests. */
final class ReportFixture {
  static final String V1 = "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region text);\n";
  static final String V2 = """
      -- add an index
      CREATE INDEX orders_customer_idx ON orders (customer_id);
      ALTER TABLE orders ALTER COLUMN region SET NOT NULL;
      """;

  static LintReport report() {
    return report(LintConfig.DEFAULT, V1, V2);
  }

  static LintReport report(LintConfig config, String... sources) {
    List<Migration> ms = new ArrayList<>();
    for (int i = 0; i < sources.length; i++) {
      ms.addAll(MigrationLoader.parse("db/V" + (i + 1) + "__m" + (i + 1) + ".sql", sources[i]));
    }
    return new LintRunner(config, Stats.NONE, "test").run(ms);
  }

  static String print(LintReport r, BiConsumer<LintReport, PrintWriter> writer) {
    StringWriter s = new StringWriter();
    writer.accept(r, new PrintWriter(s));
    return s.toString();
  }

  private ReportFixture() {}
}
