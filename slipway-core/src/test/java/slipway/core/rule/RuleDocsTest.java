package slipway.core.rule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lints every rule page's examples: "Instead of" must be flagged by the rule, and "Use" must pass every
 * rule at warning or above (the safe way must not trip another rule), after the "Given" migrations.
 */
class RuleDocsTest {
  private static final Path DOCS = Path.of("..", "docs", "rules");
  private static final Pattern CONFIG = Pattern.compile("```toml\\n(.*?)```", Pattern.DOTALL);

  static Stream<Rule> rules() {
    return Rules.all().stream();
  }

  @ParameterizedTest @MethodSource("rules")
  void insteadOfIsFlaggedAndUseIsClean(Rule rule) throws IOException {
    String id = rule.info().id();
    Path page = DOCS.resolve(id + ".md");
    assertTrue(Files.exists(page), "missing doc page " + page);
    String md = Files.readString(page);
    assertTrue(md.startsWith("# " + id + "\n"), "the page must start with '# " + id + "'");
    LintConfig config = LintConfig.DEFAULT;
    Matcher m = CONFIG.matcher(md);
    if (m.find()) config = LintConfig.parse(page.toString(), m.group(1));
    String given = section(md, "## Given (earlier migrations)");
    String bad = section(md, "## Instead of");
    String good = section(md, "## Use");
    assertFalse(bad.isEmpty(), "no 'Instead of' example");
    assertFalse(good.isEmpty(), "no 'Use' example");
    List<Linter.SourceFile> history = given.isEmpty() ? List.of() : List.of(new Linter.SourceFile("V1__given.sql", given));
    // "-- with stats.json saying orders has 48M rows" in an example stands for a stats file.
    Stats stats = Stats.NONE;
    Matcher sized = Pattern.compile("-- with stats.json saying (\\w+) has (\\d+)M rows").matcher(md);
    if (sized.find()) {
      long rows = Long.parseLong(sized.group(2)) * 1_000_000;
      stats = new Stats(java.util.Map.of(sized.group(1), new Stats.TableStats(sized.group(1), rows, rows * 600, 0, 0, 0)));
    }
    Linter linter = new Linter(Rules.all(), config, stats);
    List<Finding> flagged = linter.lint(history, List.of(new Linter.SourceFile("V2__instead_of.sql", bad))).get(0).findings();
    assertTrue(flagged.stream().anyMatch(f -> f.rule().id().equals(id)), id + ": 'Instead of' is not flagged: " + flagged);
    List<Finding> clean = linter.lint(history, List.of(new Linter.SourceFile("V2__use.sql", good))).get(0).findings();
    List<String> harmful = new ArrayList<>();
    for (Finding f : clean) {
      if (f.rule().id().equals(id) || f.severity().atLeast(Severity.WARNING)) harmful.add(f.rule().id() + ": " + f.message());
    }
    assertTrue(harmful.isEmpty(), id + ": 'Use' is flagged: " + harmful);
  }

  private static String section(String md, String heading) {
    int h = md.indexOf(heading + "\n");
    if (h < 0) return "";
    int open = md.indexOf("```sql\n", h);
    int close = md.indexOf("```", open + 7);
    return open < 0 || close < 0 ? "" : md.substring(open + 7, close);
  }
}
