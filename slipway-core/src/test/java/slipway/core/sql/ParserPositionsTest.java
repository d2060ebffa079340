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

  @Test void actionSpansPointAtTheAction() {
    var alter = (slipway.core.sql.syntax.AlterTable) Parser.parse("f.sql", "ALTER TABLE t\n  ADD COLUMN a int,\n  DROP COLUMN b").get(0);
    assertEquals(new Span("f.sql", 2, 3, 16, 16), alter.actions().get(0).span());
    assertEquals(new Span("f.sql", 3, 3, 36, 13), alter.actions().get(1).span());
  }
}
