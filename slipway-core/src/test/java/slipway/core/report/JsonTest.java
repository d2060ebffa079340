package slipway.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void escapesStrings() {
    assertEquals("\"a\\\"b\\\\c\\n\\u0001\\u2028\"", Json.quote("a\"b\\c\n\u0001\u2028"));
  }

  @Test
  void writesNestedValuesInOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1);
    m.put("a", List.of(true, "x"));
    m.put("n", null);
    m.put("d", 12.5);
    m.put("w", 3.0);
    m.put("e", Map.of());
    assertEquals("""
        {
          "b": 1,
          "a": [
            true,
            "x"
          ],
          "n": null,
          "d": 12.5,
          "w": 3,
          "e": {}
        }""", Json.write(m));
    assertEquals("[\n  null\n]", Json.write(Arrays.asList((Object) null)));
  }

  @Test
  void escapesEveryControlCharacterAndKeepsTheRestInOneCopy() {
    assertEquals("\"\\u0000\\u001f\\b\\f\\t\\r \\u2029 caf\u00e9 \u4e2d\\\"\"", Json.quote("\u0000\u001f\b\f\t\r \u2029 caf\u00e9 \u4e2d\""));
    assertEquals("\"\"", Json.quote(""));
    StringBuilder sb = new StringBuilder("x=");
    assertEquals("x=\"a\\\\b\"", Json.quote(sb, "a\\b").toString());
  }
}
