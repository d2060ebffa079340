package slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest extends CliHarness {
  @TempDir Path tmp;


  Path migrations() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("db"));
    Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\n");
    Files.writeString(dir.resolve("V2__index.sql"), "CREATE INDEX orders_customer_idx ON orders (customer_id);\n");
    return dir;
  }

  @Test void findingsAtOrAboveFailOnExitOne() throws Exception {
    Path dir = migrations();
    assertEquals(1, run("lint", dir.toString()), err.toString());
    assertTrue(out.toString().contains("V2__index.sql:1:1: error[create-index-blocks-writes]"), out.toString());
    assertTrue(out.toString().contains("1 error, 0 warnings"), out.toString());
  }

  @Test void cleanMigrationsExitZeroAndInfoDoesNotFail() throws Exception {
    Path f = tmp.resolve("V1__t.sql");
    Files.writeString(f, "CREATE TABLE t (id serial PRIMARY KEY);\n");
    assertEquals(0, run("lint", f.toString()), out.toString());
    assertEquals(1, run("lint", "--fail-on", "info", f.toString()), out.toString());
  }

  @Test void badInputExitsTwoWithOneLine() throws Exception {
    assertEquals(2, run("lint", tmp.resolve("missing.sql").toString()));
    assertTrue(err.toString().contains("no such file or folder"), err.toString());
    assertEquals(2, run("lint", "--format", "xml", migrations().toString()));
    assertTrue(err.toString().contains("unknown format 'xml'"), err.toString());
  }

  @Test void fixRewritesTheFileAndRelintsClean() throws Exception {
    Path dir = migrations();
    assertEquals(0, run("lint", "--fix", dir.toString()), out + "\n" + err);
    assertEquals("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\n",
        Files.readString(dir.resolve("V2__index.sql")));
    assertTrue(err.toString().contains("fixed 1 finding(s)"), err.toString());
  }

  @Test void configTurnsRulesDownAndSetsFailOn() throws Exception {
    Path dir = migrations();
    Path cfg = tmp.resolve("slipway.toml");
    Files.writeString(cfg, "fail-on = \"error\"\n[rules]\ncreate-index-blocks-writes = \"warning\"\n");
    assertEquals(0, run("lint", "--config", cfg.toString(), dir.toString()), out.toString());
    assertTrue(out.toString().contains("warning[create-index-blocks-writes]"), out.toString());
  }

  @Test void jsonSarifAndGithubFormats() throws Exception {
    Path dir = migrations();
    run("lint", "--format", "json", dir.toString());
    assertTrue(out.toString().contains("\"rule\": \"create-index-blocks-writes\""), out.toString());
    out.getBuffer().setLength(0);
    run("lint", "--format", "sarif", dir.toString());
    assertTrue(out.toString().contains("\"version\": \"2.1.0\""), out.toString());
    out.getBuffer().setLength(0);
    run("lint", "--format", "github", dir.toString());
    assertTrue(out.toString().startsWith("::error file="), out.toString());
  }

  @Test void pathsBeforeBetweenAndAfterOptions() throws Exception {
    // Paths are taken in runs up to the next option (LintCommand.Paths); "--" ends the options.
    Path a = Files.writeString(tmp.resolve("a.sql"), "CREATE INDEX a_i ON t (c);\n");
    Path b = Files.writeString(tmp.resolve("b.sql"), "CREATE INDEX b_i ON t (c);\n");
    Path dash = Files.writeString(tmp.resolve("-d.sql"), "CREATE INDEX d_i ON t (c);\n");
    for (String[] args : new String[][] {
        {"lint", a.toString(), "--format", "github", b.toString()},
        {"lint", "--format", "github", a.toString(), b.toString()},
        {"lint", a.toString(), b.toString(), "--format", "github"},
        {"lint", "--format", "github", a.toString(), "--", b.toString()}}) {
      out.getBuffer().setLength(0);
      assertEquals(1, run(args), err.toString());
      String o = out.toString();
      assertTrue(o.contains("file=" + a + ",") && o.contains("file=" + b + ","),
          String.join(" ", args) + "\n" + o);
    }
    out.getBuffer().setLength(0);
    assertEquals(1, run("lint", "--format", "github", "--", dash.toString(), a.toString()), err.toString());
    assertTrue(out.toString().contains("file=" + dash + ",") && out.toString().contains("file=" + a + ","), out.toString());
    assertEquals(2, run("lint", "--bogus", a.toString()));
    assertTrue(err.toString().contains("Unknown option: '--bogus'"), err.toString());
  }

  @Test void theHelpExampleRunsOnTheExamples() {
    Path examples = Path.of("").toAbsolutePath().getParent().resolve("examples");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(examples));
    int code = run("lint", examples.toString(), "--format", "sarif");
    assertEquals(1, code, err.toString());
    assertTrue(out.toString().contains("\"ruleId\": \"create-index-blocks-writes\""), out.toString());
  }
}
