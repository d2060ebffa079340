package slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseStatsCommandTest {
  @TempDir Path dir;

  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test void countsStatementsPerKindAndFolderAsJson() throws Exception {
    Files.createDirectories(dir.resolve("app/db"));
    Files.createDirectories(dir.resolve("billing"));
    Files.writeString(dir.resolve("app/db/V1__init.sql"), "CREATE TABLE t (id int);\nCREATE INDEX ON t (id);\n");
    Files.writeString(dir.resolve("billing/V1.sql"), "ALTER TABLE t ADD COLUMN x int BOGUS;\nfrobnicate the widgets;");
    Files.writeString(dir.resolve("billing/notes.txt"), "not sql;");
    String[] r = run("parse-stats", dir.toString(), "--format", "json", "--by-folder");
    assertEquals("0", r[0], r[2]);
    String json = r[1];
    assertTrue(json.startsWith("{\"files\":2,\"bytes\":110,\"statements\":4,\"typed\":2,\"unrecognized\":1,\"errors\":1,\"exceptions\":0,"), json);
    assertTrue(json.contains("\"byKind\":{\"CREATE_INDEX\":1,\"CREATE_TABLE\":1,\"UNRECOGNIZED\":2}"), json);
    assertTrue(json.contains("\"folders\":{\"app\":{\"files\":1,"), json);
    assertTrue(json.contains("\"billing\":{\"files\":1,\"bytes\":61,\"statements\":2,\"typed\":0,"), json);
  }

  @Test void textOutputShowsTheFigures() throws Exception {
    Files.writeString(dir.resolve("V1.sql"), "SET lock_timeout = '1s'; ALTER TABLE t DROP COLUMN c;");
    String[] r = run("parse-stats", dir.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("statements    2"), r[1]);
    assertTrue(r[1].contains("typed         2 (100.00%)"), r[1]);
    assertTrue(r[1].contains("ALTER_TABLE"), r[1]);
  }

  @Test void missingFolderIsBadInput() {
    String[] r = run("parse-stats", dir.resolve("nope").toString());
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("no such file or folder"), r[2]);
  }
}
