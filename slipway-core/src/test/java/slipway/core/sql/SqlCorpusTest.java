package slipway.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import slipway.core.sql.syntax.Statement;
import slipway.core.sql.syntax.Unrecognized;

/**
 * The real-world corpus ({@code ../shared/corpus} beside the repository, or {@code -Dslipway.corpus=…}):
 * no exception escapes, every character belongs to exactly one statement, COPY data or separator,
 * and at least 98% of the migration statements (PostgreSQL's regression SQL aside) are typed.
 * Skipped when the corpus is absent.
 */
class SqlCorpusTest {
  static Path corpus() {
    String property = System.getProperty("slipway.corpus");
    if (property != null) return Path.of(property);
    // Tests run in the module folder: the repository root is its parent. Git worktrees of the
    // repository sit one level deeper (wt/<name>), hence the second candidate.
    for (String candidate : List.of("../../shared/corpus", "../../../shared/corpus")) {
      Path p = Path.of(candidate);
      if (Files.isDirectory(p)) return p;
    }
    return Path.of("../../shared/corpus");
  }

  @Test void readsTheCorpus() throws IOException {
    Path root = corpus();
    assumeTrue(Files.isDirectory(root), "corpus not found at " + root.toAbsolutePath());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".sql")).sorted().collect(Collectors.toList());
    }
    int statements = 0, typed = 0;
    List<String> problems = new ArrayList<>();
    List<String> untyped = new ArrayList<>();
    for (Path file : files) {
      String source = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      boolean regression = file.toString().contains("postgres__postgres");
      Script script = Splitter.script(file.toString(), source);
      String tiling = ScriptTiling.problem(script);
      if (tiling != null) problems.add(file + ": " + tiling);
      for (SqlStatement s : script.statements()) {
        Statement parsed = Parser.parse(s);
        if (parsed instanceof Unrecognized u && u.error() != null && u.error().message().startsWith(Parser.INTERNAL_ERROR)) {
          problems.add(u.error().toString());
        }
        if (regression) continue;
        statements++;
        if (parsed.typed()) typed++;
        else if (untyped.size() < 20) untyped.add(s.span().where() + " " + s.text().lines().findFirst().orElse(""));
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(files.size() > 0);
    double percent = 100.0 * typed / Math.max(1, statements);
    assertTrue(percent >= 98.0, String.format("only %.2f%% typed of %d statements; first untyped:%n%s", percent,
        statements, String.join("\n", untyped)));
  }
}
