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

  private static final Pattern MODE = Pattern.compile(
      "ACCESS EXCLUSIVE|SHARE ROW EXCLUSIVE|SHARE UPDATE EXCLUSIVE|ROW EXCLUSIVE|ROW SHARE|ACCESS SHARE|EXCLUSIVE|SHARE");

  /**
   * A rule's lock claims are the lock model's, whose every fact is a LockFacts row traced on the real server
   * (LockFactsMatchServerTest, 13-18): each lock mode a finding names (in capitals, as PostgreSQL's docs write
   * them) is held by the flagged statement or an earlier one of its migration, each mode the rule's
   * explanation names is held by a statement of its page's examples, and every fact the flagged statement's
   * classification used is a LockFacts row.
   */
  @ParameterizedTest @MethodSource("rules")
  void lockModesARuleNamesAreTheLockModels(Rule rule) throws IOException {
    String id = rule.info().id();
    String md = Files.readString(DOCS.resolve(id + ".md"));
    LintConfig config = LintConfig.DEFAULT;
    Matcher m = CONFIG.matcher(md);
    if (m.find()) config = LintConfig.parse(id, m.group(1));
    String given = section(md, "## Given (earlier migrations)");
    List<Linter.SourceFile> history = given.isEmpty() ? List.of() : List.of(new Linter.SourceFile("V1__given.sql", given));
    Linter linter = new Linter(Rules.all(), config, Stats.NONE);
    java.util.Set<String> onThePage = new java.util.HashSet<>();
    int claims = 0;
    for (String example : List.of("## Instead of", "## Use")) {
      Linter.FileResult result = linter.lint(history,
          List.of(new Linter.SourceFile("V2__example.sql", section(md, example)))).get(0);
      java.util.Set<String> heldSoFar = new java.util.HashSet<>();
      for (Linter.Checked c : result.statements()) {
        for (slipway.core.lock.LockedRelation l : c.facts().locks()) heldSoFar.add(l.mode().name().replace('_', ' '));
        onThePage.addAll(heldSoFar);
        for (Finding f : c.findings()) {
          if (!f.rule().id().equals(id)) continue;
          Matcher mode = MODE.matcher(f.message());
          while (mode.find()) {
            claims++;
            assertTrue(heldSoFar.contains(mode.group()), id + " says " + mode.group() + " but the lock model has "
                + c.facts().locks() + " for: " + c.statement().text());
          }
          for (String fact : c.facts().facts()) {
            assertTrue(slipway.core.lock.LockFacts.all().stream().anyMatch(r -> r.id().equals(fact)),
                id + ": the lock model's fact " + fact + " for '" + c.statement().text() + "' is not a LockFacts row");
          }
        }
      }
    }
    Matcher mode = MODE.matcher(rule.info().why());
    while (mode.find()) {
      claims++;
      assertTrue(onThePage.contains(mode.group()), id + "'s explanation names " + mode.group()
          + ", which no statement of its examples takes according to the lock model: " + onThePage);
    }
    System.out.println(id + ": " + claims + " lock-mode claims checked against the lock model");
  }

  private static String section(String md, String heading) {
    int h = md.indexOf(heading + "\n");
    if (h < 0) return "";
    int open = md.indexOf("```sql\n", h);
    int close = md.indexOf("```", open + 7);
    return open < 0 || close < 0 ? "" : md.substring(open + 7, close);
  }
}
