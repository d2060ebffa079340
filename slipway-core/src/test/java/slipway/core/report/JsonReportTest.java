package slipway.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import java.util.List;
import slipway.core.rule.LintConfig;
import slipway.core.rule.Stats;
import slipway.core.source.Migration;
import slipway.core.source.MigrationLoader;

class JsonReportTest {
  @Test void followsTheDesignContract() throws Exception {
    String json = ReportFixture.print(ReportFixture.report(), JsonReport::write);
    JsonNode root = new ObjectMapper().readTree(json);
    assertEquals("slipway", root.get("tool").asText());
    assertEquals(18, root.get("pgVersion").asInt());
    JsonNode m2 = root.get("migrations").get(1);
    assertEquals("db/V2__m2.sql", m2.get("file").asText());
    assertEquals("2", m2.get("version").asText());
    JsonNode st = m2.get("statements").get(0);
    assertEquals(2, st.get("line").asInt());
    assertEquals("CREATE_INDEX", st.get("kind").asText());
    assertTrue(st.get("estimatedLockSeconds").isNull());
    JsonNode f = st.get("findings").get(0);
    assertEquals("create-index-blocks-writes", f.get("rule").asText());
    assertEquals("error", f.get("severity").asText());
    assertTrue(f.get("fix").asText().contains("CONCURRENTLY"));
    JsonNode summary = root.get("summary");
    assertEquals(2, summary.get("files").asInt());
    assertEquals(3, summary.get("statements").asInt());
    assertEquals(2, summary.get("errors").asInt());
    assertEquals(0, summary.get("warnings").asInt());
  }

  @Test void aLongReportKeepsItsOrderAndCountsAcrossChunks() throws Exception {
    // Many files; two big statements cross the 64 KiB chunks, and non-Latin-1 text widens a chunk.
    String[] sources = new String[150];
    for (int i = 0; i < sources.length; i++) {
      String big = i == 10 || i == 120 ? "COMMENT ON TABLE orders IS '" + "é".repeat(70_000) + "';\n" : "";
      sources[i] = i == 0 ? ReportFixture.V1
          : big + "CREATE INDEX orders_" + i + " ON orders (customer_id);\nALTER TABLE orders ADD COLUMN c" + i + " int;\n";
    }
    String json = ReportFixture.print(ReportFixture.report(LintConfig.DEFAULT, sources), JsonReport::write);
    JsonNode root = new ObjectMapper().readTree(json);
    JsonNode ms = root.get("migrations");
    assertEquals(150, ms.size());
    int statements = 0;
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    for (int i = 0; i < ms.size(); i++) {
      assertEquals("db/V" + (i + 1) + "__m" + (i + 1) + ".sql", ms.get(i).get("file").asText());
      for (JsonNode st : ms.get(i).get("statements")) {
        statements++;
        for (JsonNode f : st.get("findings")) {
          switch (f.get("severity").asText()) {
            case "error" -> errors++;
            case "warning" -> warnings++;
            default -> infos++;
          }
        }
      }
    }
    assertEquals(1 + 149 * 2 + 2, statements);
    assertTrue(json.contains("é".repeat(70_000)));
    JsonNode summary = root.get("summary");
    assertEquals(150, summary.get("files").asInt());
    assertEquals(statements, summary.get("statements").asInt());
    assertEquals(errors, summary.get("errors").asInt());
    assertEquals(warnings, summary.get("warnings").asInt());
    assertEquals(infos, summary.get("infos").asInt());
    assertTrue(errors >= 149, "one error per CREATE INDEX: " + errors);
  }

  @Test void streamingDuringTheRunWritesTheSameDocument() {
    String[] sources = new String[100];
    for (int i = 0; i < sources.length; i++) {
      sources[i] = i == 0 ? ReportFixture.V1 : "CREATE INDEX orders_" + i + " ON orders (customer_id);\n";
    }
    List<Migration> ms = new java.util.ArrayList<>();
    for (int i = 0; i < sources.length; i++) {
      ms.addAll(MigrationLoader.parse("db/V" + (i + 1) + "__m.sql", sources[i]));
    }
    JsonReport.Streaming streaming = new JsonReport.Streaming();
    LintReport report = new LintRunner(LintConfig.DEFAULT, Stats.NONE, "test").wellFormed().run(ms, streaming);
    String expected = ReportFixture.print(report, JsonReport::write);
    assertEquals(expected, ReportFixture.print(report, streaming::write));
    // A report whose files were not handed over is rendered by write itself.
    LintReport other = ReportFixture.report();
    assertEquals(ReportFixture.print(other, JsonReport::write), ReportFixture.print(other, new JsonReport.Streaming()::write));
  }

  @Test void nullStringsAreJsonNull() {
    assertEquals("null", JsonReport.str(null));
    assertEquals("\"a\\\"b\"", JsonReport.str("a\"b"));
  }
}
