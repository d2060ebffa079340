package slipway.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SplitterTest {
  static List<String> texts(String sql) {
    return Splitter.split("f.sql", sql).stream().map(SqlStatement::text).collect(Collectors.toList());
  }

  @Test void splitsOnSemicolonsOutsideQuotesAndComments() {
    assertEquals(List.of("select ';'", "select \";\"", "select 1 /* ; */ + 2", "select $x$;$x$"),
        texts("select ';'; select \";\";\n-- a ; comment\nselect 1 /* ; */ + 2; select $x$;$x$"));
  }

  @Test void lastStatementNeedsNoSemicolonAndEmptyOnesVanish() {
    assertEquals(List.of("a", "b"), texts(";; a ;;; b"));
    assertEquals(List.of(), texts("  -- only a comment\n /* and another */ ;"));
  }

  @Test void spansAreOneBasedLinesAndColumnsWithZeroBasedOffsets() {
    List<SqlStatement> s = Splitter.split("db/V1.sql", "select 1;\r\n  create table t (\r\n id int);\n");
    assertEquals(new Span("db/V1.sql", 1, 1, 0, 8), s.get(0).span());
    assertEquals(new Span("db/V1.sql", 2, 3, 13, 26), s.get(1).span());
    assertEquals("create table t (\r\n id int)", s.get(1).text());
  }

  @Test void byteOrderMarkIsNotAColumn() {
    assertEquals(new Span("f.sql", 1, 1, 1, 8), Splitter.split("f.sql", "\uFEFFselect 1").get(0).span());
  }

  @Test void sqlStandardFunctionBodiesKeepTheirSemicolons() {
    String fn = "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql\n"
        + "BEGIN ATOMIC\n  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;\n  SELECT 2;\nEND";
    assertEquals(List.of(fn, "select 3"), texts(fn + ";\nselect 3;"));
    String proc = "CREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO t VALUES (1); END";
    assertEquals(List.of(proc, "BEGIN", "COMMIT"), texts(proc + "; BEGIN; COMMIT;"));
  }

  @Test void plpgsqlInDollarQuotesStaysOneStatement() {
    String doBlock = "DO $$\nBEGIN\n  IF true THEN\n    RAISE NOTICE 'x;';\n  END IF;\nEND\n$$";
    assertEquals(List.of(doBlock, "select 1"), texts(doBlock + ";\nselect 1;"));
  }

  @Test void semicolonsInsideParenthesesDoNotSplit() {
    assertEquals(List.of("create rule r as on insert to t do also (insert into a values (1); insert into b values (2))"),
        texts("create rule r as on insert to t do also (insert into a values (1); insert into b values (2));"));
  }

  @Test void copyFromStdinOwnsItsRows() {
    String sql = "COPY t (a, b) FROM stdin;\n1\tx;y\n2\t'\n\\.\nselect 1;";
    List<SqlStatement> s = Splitter.split("f.sql", sql);
    assertEquals(2, s.size());
    assertEquals("COPY t (a, b) FROM stdin", s.get(0).text());
    assertEquals("1\tx;y\n2\t'\n", s.get(0).copyData());
    assertEquals(new Span("f.sql", 2, 1, 26, 12), s.get(0).copyDataSpan());
    assertEquals("select 1", s.get(1).text());
    assertNull(s.get(1).copyData());
  }

  @Test void psqlMetaCommandsAreStatementsOfTheirOwn() {
    List<SqlStatement> s = Splitter.split("f.sql", "\\set ON_ERROR_STOP 1\nselect 1 \\gset\nselect 2;");
    assertEquals(List.of("\\set ON_ERROR_STOP 1", "select 1", "\\gset", "select 2"),
        s.stream().map(SqlStatement::text).collect(Collectors.toList()));
    assertTrue(s.get(0).psqlMetaCommand());
    assertTrue(s.get(2).psqlMetaCommand());
  }

  @Test void lexicalProblemsBecomeDiagnosticsWithPositions() {
    Script script = Splitter.script("db/V3__fn.sql", "select 1;\nselect\n  $body$ x");
    assertEquals("db/V3__fn.sql:3:3: unterminated dollar quote $body$; close it before the end of the file",
        script.diagnostics().get(0).toString());
    assertEquals(1, script.statements().get(1).diagnostics().size());
  }
}
