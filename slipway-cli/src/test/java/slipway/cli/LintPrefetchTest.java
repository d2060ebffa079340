package slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import slipway.core.BadInputException;
import slipway.core.source.Migration;
import slipway.core.source.MigrationLoader;

/** The read-ahead gives what loading the paths gives, whether its guess of the paths was right or not. */
class LintPrefetchTest {
  @TempDir Path tmp;

  private Path migrations() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("db"));
    Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
    Files.writeString(dir.resolve("V2__index.sql"), "CREATE INDEX orders_id ON orders (id);\n");
    return dir;
  }

  private static List<String> files(List<Migration> ms) {
    return ms.stream().map(m -> m.file() + ":" + m.version() + ":" + m.text().length()).toList();
  }

  @Test void aRightGuessIsWhatLoadingGives() throws Exception {
    String dir = migrations().toString();
    LintPrefetch p = LintPrefetch.start("lint", "--format", "json", dir);
    assertEquals(files(MigrationLoader.load(List.of(dir))), files(LintPrefetch.load(p, List.of(dir))));
  }

  @Test void aWrongGuessLoadsThePathsGiven() throws Exception {
    // The configuration file exists, so it is guessed to be a path too: the guess is dropped.
    String dir = migrations().toString();
    Path cfg = Files.writeString(tmp.resolve("slipway.toml"), "fail-on = \"error\"\n");
    LintPrefetch p = LintPrefetch.start("lint", "--config", cfg.toString(), dir);
    assertEquals(files(MigrationLoader.load(List.of(dir))), files(LintPrefetch.load(p, List.of(dir))));
  }

  @Test void badInputIsThrownAsLoadingThrowsIt() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    LintPrefetch p = LintPrefetch.start("lint", empty.toString());
    BadInputException expected = assertThrows(BadInputException.class, () -> MigrationLoader.load(List.of(empty.toString())));
    BadInputException got = assertThrows(BadInputException.class, () -> LintPrefetch.load(p, List.of(empty.toString())));
    assertEquals(expected.getMessage(), got.getMessage());
  }

  @Test void aMissingPathIsThrownAsLoadingThrowsIt() throws Exception {
    // Not after an option, so guessed a path without looking: loading it fails as it would on its own.
    String dir = migrations().toString();
    String missing = tmp.resolve("missing.sql").toString();
    LintPrefetch p = LintPrefetch.start("lint", "--format", "json", dir, missing);
    BadInputException expected = assertThrows(BadInputException.class, () -> MigrationLoader.load(List.of(dir, missing)));
    BadInputException got = assertThrows(BadInputException.class, () -> LintPrefetch.load(p, List.of(dir, missing)));
    assertEquals(expected.getMessage(), got.getMessage());
  }

  @Test void onlyLintReadsAhead() {
    assertNull(LintPrefetch.start("migrate", "db"));
    assertNull(LintPrefetch.start("lint"));
  }
}
