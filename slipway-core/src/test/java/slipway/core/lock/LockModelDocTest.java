package slipway.core.lock;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/lock-model.md lists every LockFacts row. */
class LockModelDocTest {
  @Test
  void everyFactHasARowInTheDoc() throws Exception {
    Path doc = Path.of("../docs/lock-model.md");
    assumeTrue(Files.isRegularFile(doc), "run from the module folder");
    String text = Files.readString(doc);
    for (LockFacts.LockFact f : LockFacts.all()) {
      assertTrue(text.contains("| `" + f.id() + "` |"), f.id() + " is missing from docs/lock-model.md");
    }
  }
}
