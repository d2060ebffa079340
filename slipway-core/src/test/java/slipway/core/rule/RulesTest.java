package slipway.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesTest {
  @Test void everyRuleHasAUniqueIdADocPageAndATest() {
    Set<String> ids = new HashSet<>();
    for (Rule r : Rules.all()) {
      RuleInfo i = r.info();
      assertTrue(ids.add(i.id()), "duplicate id " + i.id());
      assertTrue(i.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), i.id());
      assertTrue(Files.exists(Path.of("..", i.docPath())), "no doc " + i.docPath());
      String test = r.getClass().getSimpleName() + "Test.java";
      boolean hasTest = Files.exists(Path.of("src/test/java/slipway/core/rule", test))
          || r instanceof InvalidSuppression && Files.exists(Path.of("src/test/java/slipway/core/rule/SuppressionTest.java"));
      assertTrue(hasTest, "no test " + test);
      assertEquals(r, Rules.byId(i.id()));
    }
  }

  @Test void errorsAndWarningsAreReservedForHarmStyleIsInfo() {
    for (Rule r : Rules.all()) {
      if (r instanceof StyleRule || r instanceof LockTimeoutMissing) assertEquals(Severity.INFO, r.info().severity(), r.info().id());
    }
  }
}
