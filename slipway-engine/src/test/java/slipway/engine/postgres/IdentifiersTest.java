package slipway.engine.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class IdentifiersTest {
  @Test
  void quotesAndDoublesQuotes() {
    assertEquals("\"orders\"", Identifiers.quote("orders"));
    assertEquals("\"Or\"\"ders\"", Identifiers.quote("Or\"ders"));
    assertEquals("\"public\".\"orders\"", Identifiers.qualified("public", "orders"));
  }

  /** The server reads back exactly the name and the value we quoted, whatever they contain. */
  @Tag("pg-behaviour")
  @Test
  void serverReadsBackHostileNamesAndValues(TestDatabase db) throws Exception {
    String[] hostile = {"a\"b", "Robert'); DROP TABLE students;--", "back\\slash", "ünï\u00e7ødé", "$$x$$"};
    for (String s : hostile) {
      assertEquals(s, db.value("SELECT " + Identifiers.literal(s) + " AS " + Identifiers.quote(s)));
      db.execute("CREATE TABLE " + Identifiers.quote(s) + " (id int)");
      assertEquals(s, db.value("SELECT relname FROM pg_class WHERE relname = " + Identifiers.literal(s)));
    }
  }
}
