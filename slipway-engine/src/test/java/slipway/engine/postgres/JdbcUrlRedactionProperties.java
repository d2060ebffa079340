package slipway.engine.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Whatever the password, it survives parsing exactly and never shows in what Slipway prints. */
class JdbcUrlRedactionProperties {
  private static final PgEnvironment ENV = new PgEnvironment(Map.of(), Path.of("/nonexistent"), "nobody");

  @Property(tries = 500)
  void libpqPasswordsAreDecodedAndNeverPrinted(@ForAll @StringLength(min = 1, max = 40) String tail) {
    String password = "Pw" + tail; // a prefix that cannot occur in the rest of the URL by accident
    String url = "postgres://app:" + URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20")
        + "@db.example.com:5432/shop?sslmode=require";
    JdbcUrl parsed = JdbcUrl.parse(url, ENV);
    assertEquals(password, parsed.driverProperties().getProperty("password"));
    assertFalse(parsed.redacted().contains(password));
    assertFalse(parsed.driverUrl().contains(password));
    assertFalse(parsed.toString().contains(password));
    assertFalse(parsed.scrub("FATAL: password " + password + " rejected").contains(password));
  }

  @Property(tries = 300)
  void jdbcPasswordsAreNeverPrinted(@ForAll @StringLength(min = 1, max = 40) String tail) {
    String password = "Pw" + tail;
    String url = "jdbc:postgresql://db:5432/shop?user=app&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
    JdbcUrl parsed = JdbcUrl.parse(url, ENV);
    assertEquals(password, parsed.driverProperties().getProperty("password"));
    assertFalse(parsed.redacted().contains(password));
    assertFalse(parsed.driverUrl().contains(password));
  }
}
