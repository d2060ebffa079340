package slipway.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import slipway.core.BadInputException;
import slipway.core.rule.LintConfig;
import slipway.core.rule.Linter;
import slipway.core.rule.Stats;
import slipway.core.source.Migration;
import slipway.core.source.MigrationLoader;

/** The files are split on a second thread ahead of the one pass over the schema: nothing may change. */
class LintRunnerTest {
  private static List<Migration> migrations(int n, int malformedAt, int malformedAlsoAt) {
    List<Migration> ms = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String sql = i == malformedAt || i == malformedAlsoAt ? "SELECT 'unterminated;\n"
          // Each file alters the table the previous one created: the facts depend on the order.
          : "CREATE TABLE t" + i + " (id int);\n" + (i > 1 ? "ALTER TABLE t" + (i - 1) + " ADD c int NOT NULL;\n" : "");
      ms.addAll(MigrationLoader.parse("db/V" + i + "__m.sql", sql));
    }
    return ms;
  }

  @Test
  void manyFilesGiveTheSameReportAsOnePassOnOneThread() {
    List<Migration> ms = migrations(300, -1, -1);
    LintReport report = new LintRunner(LintConfig.DEFAULT, Stats.NONE, "test").wellFormed().run(ms);
    List<Linter.SourceFile> files = new ArrayList<>();
    List<List<slipway.core.rule.Statement>> split = new ArrayList<>();
    for (Migration m : ms) {
      List<slipway.core.rule.Statement> sts = Linter.split(m.file(), m.text(), m.offset(), m.line());
      split.add(sts);
      files.add(new Linter.SourceFile(m.file(), m.text(), LintRunner.runnerTransaction(m, sts, 18), m.offset(), m.line()));
    }
    List<Linter.FileResult> oneThread = Linter.standard(LintConfig.DEFAULT, Stats.NONE).lintSplit(files, split);
    assertEquals(oneThread.size(), report.files().size());
    for (int i = 0; i < oneThread.size(); i++) {
      LintReport.FileReport f = report.files().get(i);
      assertEquals(ms.get(i).file(), f.file());
      List<Linter.Checked> expected = oneThread.get(i).statements();
      assertEquals(expected.size(), f.statements().size());
      for (int j = 0; j < expected.size(); j++) {
        LintReport.StatementReport st = f.statements().get(j);
        assertEquals(expected.get(j).statement().text(), st.statement().text());
        assertEquals(String.valueOf(StatementFacts.of(expected.get(j).facts())), String.valueOf(st.facts()));
        assertEquals(expected.get(j).findings().stream().map(x -> x.rule().id() + " " + x.message()).toList(),
            st.findings().stream().map(x -> x.rule().id() + " " + x.message()).toList());
      }
    }
    // The second file's ALTER is on a table an earlier migration created: not new, so it is flagged.
    assertTrue(report.files().get(1).statements().get(1).findings().size() > 0);
  }

  @Test
  void theFirstMalformedFileInOrderIsBadInput() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> new LintRunner(LintConfig.DEFAULT, Stats.NONE, "test").wellFormed().run(migrations(300, 250, 120)));
    assertTrue(e.getMessage().startsWith("db/V120__m.sql:1:"), e.getMessage());
    // Without wellFormed() the run reports what it can.
    assertEquals(300, new LintRunner(LintConfig.DEFAULT, Stats.NONE, "test").run(migrations(300, 250, 120))
        .files().size());
  }

  @Test
  void noMigrations() {
    assertEquals(0, new LintRunner(LintConfig.DEFAULT, Stats.NONE, "test").wellFormed().run(List.of()).files().size());
  }

  @Test
  void whatFailsOnTheSecondThreadIsThrownFromRun() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new LintRunner(LintConfig.DEFAULT, Stats.NONE, "test").run(migrations(50, -1, -1),
            f -> { throw new IllegalStateException("no"); }));
    assertEquals("no", e.getMessage());
  }

  @Test
  void eachFileIsHandedOverOnceInOrder() {
    List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    LintReport r = new LintRunner(LintConfig.DEFAULT, Stats.NONE, "test").wellFormed()
        .run(migrations(120, -1, -1), f -> seen.add(f.file()));
    assertEquals(r.files().stream().map(LintReport.FileReport::file).toList(), seen);
    // Malformed input with wellFormed(): the run throws and nothing is handed over.
    seen.clear();
    assertThrows(BadInputException.class, () -> new LintRunner(LintConfig.DEFAULT, Stats.NONE, "test").wellFormed()
        .run(migrations(120, 60, -1), f -> seen.add(f.file())));
    assertEquals(List.of(), seen);
  }
}
