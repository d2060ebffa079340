package slipway.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

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

  @Test void nullStringsAreJsonNull() {
    assertEquals("null", JsonReport.str(null));
    assertEquals("\"a\\\"b\"", JsonReport.str("a\"b"));
  }
}
