package slipway.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class TestServerTest {
  /** The build's -Dslipway.pg (and the old-major execution) really selects the server's major. */
  @Tag("pg-behaviour")
  @Test
  void serverIsTheRequestedMajor(TestServer server) {
    assumeTrue(System.getenv("SLIPWAY_TEST_PG_URL") == null, "external server: its own major");
    assertEquals(Integer.parseInt(System.getProperty("slipway.pg")), server.major());
  }

  @Test
  void eachTestGetsItsOwnEmptyDatabase(TestDatabase a, TestDatabase b) throws Exception {
    assertNotEquals(a.name(), b.name());
    a.execute("CREATE TABLE t (id int)");
    assertEquals("0", b.value("SELECT count(*) FROM pg_class WHERE relname = 't'"));
  }
}
