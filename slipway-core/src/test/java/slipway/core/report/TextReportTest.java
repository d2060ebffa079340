package slipway.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextReportTest {
  @Test void compilerStyleWithCaretInsteadAndDoc() {
    String text = ReportFixture.print(ReportFixture.report(), TextReport::write);
    assertTrue(text.contains("db/V2__m2.sql:2:1: error[create-index-blocks-writes] writes to \"orders\" wait until the whole index is built"), text);
    assertTrue(text.contains("  2 | CREATE INDEX orders_customer_idx ON orders (customer_id);\n    | ^~~~"), text);
    assertTrue(text.contains("  instead: CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);"), text);
    assertTrue(text.contains("  see docs/rules/create-index-blocks-writes.md"), text);
    assertTrue(text.contains("db/V2__m2.sql:3:20: error[set-not-null-scans-table]"), text);
    assertTrue(text.contains("2 errors, 0 warnings, 1 info in 2 migrations (3 statements)"), text);
  }

  @Test void factsInPlainWords() {
    StatementFacts rewrite = new StatementFacts("ALTER_TABLE", true,
        java.util.List.of(new StatementFacts.Lock("orders", "AccessExclusiveLock"),
            new StatementFacts.Lock("orders_pkey", "AccessExclusiveLock")), true, true, true, true, 3);
    assertEquals("reads and writes of orders wait while every row is rewritten, so the wait grows with the table's "
        + "size (AccessExclusiveLock on orders, orders_pkey)", TextReport.describe(rewrite));
    StatementFacts instant = new StatementFacts("ALTER_TABLE", true,
        java.util.List.of(new StatementFacts.Lock("orders", "AccessExclusiveLock")), false, false, true, true, 1);
    assertTrue(TextReport.describe(instant).contains("only an instant"), TextReport.describe(instant));
    assertTrue(TextReport.describe(instant).contains("new queries queue behind it"), TextReport.describe(instant));
    StatementFacts none = new StatementFacts("CREATE_INDEX", false,
        java.util.List.of(new StatementFacts.Lock("orders", "ShareUpdateExclusiveLock")), false, true, false, false, 1);
    assertEquals("neither reads nor writes of orders (ShareUpdateExclusiveLock on orders)", TextReport.describe(none));
  }
}
