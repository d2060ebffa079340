package slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import slipway.core.source.Migration;
import slipway.core.source.MigrationLoader;

/**
 * {@code slipway lint --format json <source>} completes for every source of the shared corpus
 * (../shared/corpus, or -Dslipway.corpus=DIR; skipped when absent), each replayed in version order.
 */
class LintCorpusTest {
  static Path corpus() {
    String p = System.getProperty("slipway.corpus");
    if (p != null) {
      return Path.of(p);
    }
    Path here = Path.of("").toAbsolutePath();
    for (Path d = here; d != null; d = d.getParent()) {
      Path c = d.resolve("../shared/corpus").normalize();
      if (Files.isDirectory(c)) {
        return c;
      }
    }
    return here.resolve("../shared/corpus");
  }

  /** The corpus's sources (one folder each), sorted; the test is skipped when there is no corpus. */
  static List<Path> sources() throws IOException {
    Path corpus = corpus();
    assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
    try (Stream<Path> s = Files.list(corpus)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everySourceLints() throws IOException {
    List<Path> sources = sources();
    return sources.stream().map(source -> DynamicTest.dynamicTest(source.getFileName().toString(), () -> {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cl = Main.commandLine();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      int code = cl.execute("lint", "--format", "json", "--fail-on", "error", source.toString());
      String name = source.getFileName().toString();
      if (name.equals("postgres__postgres")) {
        // PostgreSQL's regression SQL has deliberate errors: bad input (2) is a fine answer, a crash is not.
        assertTrue(code == 0 || code == 1 || code == 2, err.toString());
        return;
      }
      assertTrue(code == 0 || code == 1, "exit " + code + ": " + err);
      String json = out.toString();
      assertTrue(json.startsWith("{") && json.strip().endsWith("}"), json.substring(0, Math.min(200, json.length())));
      // Multi-file sources are replayed in the loader's order, which sorts by version.
      List<Migration> ms = MigrationLoader.load(List.of(source.toString()));
      int at = -1;
      for (Migration m : ms) {
        int i = json.indexOf("\"file\": " + slipway.core.report.Json.quote(m.file()), at + 1);
        assertTrue(i > at, m.file() + " out of order");
        at = i;
      }
      assertEquals(ms.size(), count(json, "\"statements\": ["), "one entry per migration");
    }));
  }

  /**
   * The rules' rewrite and scan claims are the lock model's: on every corpus statement where a rule says
   * the table is rewritten (or scanned), the lock model's facts for that statement say so too.
   */
  @TestFactory
  Stream<DynamicTest> rulesNeverContradictTheLockModel() throws IOException {
    // PostgreSQL's regression SQL is not migrations (it has deliberate errors): the rules' claims are
    // checked on the migration sources.
    List<Path> sources = sources().stream()
        .filter(d -> !d.getFileName().toString().equals("postgres__postgres")).toList();
    java.util.Map<String, String> claims = java.util.Map.of(
        "alter-column-type-rewrites-table", "rewrite", "add-column-rewrites-table", "rewrite",
        "table-rewrite-blocks-reads", "rewrite", "set-not-null-scans-table", "scan",
        "add-check-constraint-scans-table", "scan", "add-unique-constraint-builds-index", "scan",
        "add-exclusion-constraint-blocks-table", "scan");
    return sources.stream().map(source -> DynamicTest.dynamicTest(source.getFileName().toString(), () -> {
      var report = new slipway.core.report.LintRunner(slipway.core.rule.LintConfig.DEFAULT,
          slipway.core.rule.Stats.NONE, "test").run(MigrationLoader.load(List.of(source.toString())));
      int checked = 0;
      for (var file : report.files()) {
        for (var st : file.statements()) {
          for (var f : st.findings()) {
            String claim = claims.get(f.rule().id());
            if (claim == null || f.message().contains("unless the session time zone is UTC")) continue;
            checked++;
            boolean model = claim.equals("rewrite") ? st.facts().rewrite() : st.facts().scan();
            assertTrue(model, f.span() + ": " + f.rule().id() + " claims a " + claim
                + " the lock model does not: " + st.facts());
          }
        }
      }
      System.out.println(source.getFileName() + ": " + checked + " rewrite/scan claims agree with the lock model");
    }));
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
