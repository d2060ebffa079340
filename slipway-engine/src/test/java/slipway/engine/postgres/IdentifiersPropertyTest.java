package slipway.engine.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

class IdentifiersPropertyTest {
  @Property(tries = 300)
  void quotedIdentifierHasBalancedQuotes(@ForAll @StringLength(min = 1, max = 20) @CharRange(from = ' ', to = '~') String s) {
    String q = Identifiers.quote(s);
    assertEquals(s, q.substring(1, q.length() - 1).replace("\"\"", "\""));
  }
}
