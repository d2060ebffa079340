package slipway.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import slipway.core.sql.syntax.DoBlock;
import slipway.core.sql.syntax.Statement;
import slipway.core.sql.syntax.Unrecognized;

class ParserPositionsTest {
  @Test void errorsSayFileLineColumnAndParsingContinues() {
    List<Statement> statements = Parser.parse("db/V3.sql", "select 1;\nALTER TABLE t ADD COLUMN x int BOGUS;\nDROP TABLE t;");
    assertEquals("db/V3.sql:2:32: unexpected 'BOGUS' in the definition of column x",
        ((Unrecognized) statements.get(1)).error().toString());
    assertEquals("DROP_TABLE", statements.get(2).kind());
  }

  @Test void doBlockInnerStatementsCarryTheirPlaceInTheFile() {
    DoBlock block = (DoBlock) Parser.parse("db/V4.sql", "select 1;\nDO $do$\nBEGIN\n  ALTER TABLE t DROP COLUMN c;\nEND $do$;").get(1);
    Statement inner = block.statements().get(0);
    assertEquals("ALTER_TABLE", inner.kind());
    assertEquals(new Span("db/V4.sql", 4, 3, 26, 27), inner.span());
  }

  @Test void namesAndKeyWordsCarryWhereTheyAreWritten() {
    String sql = "CREATE UNIQUE INDEX \"Idx\" ON app.\"Orders\" (id);\n"
        + "DROP INDEX IF EXISTS a, s.b;\n"
        + "TRUNCATE ONLY t1, t2;\n"
        + "LOCK TABLE l IN SHARE MODE;\n"
        + "REINDEX (VERBOSE) TABLE r;\n"
        + "REFRESH MATERIALIZED VIEW mv;\n"
        + "UPDATE ONLY u SET x = 1 WHERE id = 2 RETURNING id;\n"
        + "DELETE FROM d WHERE id = 3";
    List<Statement> st = Parser.parse("p.sql", sql);
    var ci = (slipway.core.sql.syntax.CreateIndex) st.get(0);
    assertEquals("INDEX", text(sql, ci.keyword()));
    assertEquals("\"Idx\"", text(sql, ci.nameSpan()));
    assertEquals("app.\"Orders\"", text(sql, ci.tableSpan()));
    var drop = (slipway.core.sql.syntax.Drop) st.get(1);
    assertEquals("INDEX", text(sql, drop.objectTypeSpan()));
    assertEquals(List.of("a", "s.b"), drop.nameSpans().stream().map(s -> text(sql, s)).toList());
    assertEquals(new Span("p.sql", 2, 22, 69, 1), drop.nameSpans().get(0));
    var truncate = (slipway.core.sql.syntax.Truncate) st.get(2);
    assertEquals(List.of("t1", "t2"), truncate.tableSpans().stream().map(s -> text(sql, s)).toList());
    var lock = (slipway.core.sql.syntax.LockTable) st.get(3);
    assertEquals("l", text(sql, lock.tableSpans().get(0)));
    var reindex = (slipway.core.sql.syntax.Reindex) st.get(4);
    assertEquals("TABLE", text(sql, reindex.keyword()));
    assertEquals("r", text(sql, reindex.nameSpan()));
    var refresh = (slipway.core.sql.syntax.RefreshMaterializedView) st.get(5);
    assertEquals("VIEW", text(sql, refresh.keyword()));
    assertEquals("mv", text(sql, refresh.viewSpan()));
    var update = (slipway.core.sql.syntax.Update) st.get(6);
    assertEquals("u", text(sql, update.tableSpan()));
    assertEquals("x", text(sql, update.set().get(0).columnSpan()));
    assertEquals("1", text(sql, update.set().get(0).value().span()));
    assertEquals("WHERE id = 2", text(sql, update.where().span()));
    var delete = (slipway.core.sql.syntax.Delete) st.get(7);
    assertEquals("d", text(sql, delete.tableSpan()));
    assertEquals("WHERE id = 3", text(sql, delete.where().span()));
  }

  private static String text(String sql, Span span) {
    return sql.substring(span.offset(), span.end());
  }

  @Test void actionSpansPointAtTheAction() {
    var alter = (slipway.core.sql.syntax.AlterTable) Parser.parse("f.sql", "ALTER TABLE t\n  ADD COLUMN a int,\n  DROP COLUMN b").get(0);
    assertEquals(new Span("f.sql", 2, 3, 16, 16), alter.actions().get(0).span());
    assertEquals(new Span("f.sql", 3, 3, 36, 13), alter.actions().get(1).span());
  }
}
