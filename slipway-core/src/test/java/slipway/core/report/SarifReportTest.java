package slipway.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SarifReportTest {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static Set<ValidationMessage> validate(String sarif) throws Exception {
    try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
      return schema.validate(MAPPER.readTree(sarif));
    }
  }

  @Test void outputIsValidSarif210WithRulesLocationsAndFixes() throws Exception {
    // One statement per file: Flyway runs it outside a transaction, so the CONCURRENTLY fix applies.
    String sarif = ReportFixture.print(ReportFixture.report(slipway.core.rule.LintConfig.DEFAULT, ReportFixture.V1,
        "-- add an index\nCREATE INDEX orders_customer_idx ON orders (customer_id);\n",
        "ALTER TABLE orders ALTER COLUMN region SET NOT NULL;\n"), SarifReport::write);
    Set<ValidationMessage> errors = validate(sarif);
    assertTrue(errors.isEmpty(), errors + "\n" + sarif);
    JsonNode run = MAPPER.readTree(sarif).get("runs").get(0);
    JsonNode results = run.get("results");
    assertEquals(4, results.size(), sarif);
    assertEquals("note", results.get(1).get("level").asText());
    assertEquals("set-not-null-scans-table", results.get(2).get("ruleId").asText());
    assertTrue(results.get(2).has("fixes"), "the CHECK + VALIDATE + SET NOT NULL fix is carried");
    JsonNode first = results.get(0);
    assertEquals("create-index-blocks-writes", first.get("ruleId").asText());
    assertEquals("error", first.get("level").asText());
    JsonNode region = first.get("locations").get(0).get("physicalLocation").get("region");
    assertEquals(2, region.get("startLine").asInt());
    assertEquals(1, region.get("startColumn").asInt());
    assertEquals("db/V2__m2.sql", first.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
    assertTrue(first.has("fixes"), "the CONCURRENTLY fix is carried");
    String ruleId = run.get("tool").get("driver").get("rules").get(first.get("ruleIndex").asInt()).get("id").asText();
    assertEquals("create-index-blocks-writes", ruleId);
  }

  @Test void theValidatorRejectsABrokenLog() throws Exception {
    assertTrue(!validate("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}").isEmpty(),
        "a run without tool must be rejected, or this test proves nothing");
  }

  @Test void emptyReportIsValid() throws Exception {
    String sarif = ReportFixture.print(ReportFixture.report(slipway.core.rule.LintConfig.DEFAULT, "SELECT 1;"),
        SarifReport::write);
    assertTrue(validate(sarif).isEmpty(), sarif);
  }
}
