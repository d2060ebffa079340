package slipway.core.sql;

import static slipway.core.sql.ParserAssertions.assertTree;

import org.junit.jupiter.api.Test;

/** SQL in, tree out (rendered by {@link TreePrinter}: spans, nulls, false flags and empty lists left out). */
class ParseDropTest {
  @Test void dropTables() {
    assertTree("""
        DROP TABLE IF EXISTS a, b.c""", """
        Drop objectType=TABLE names=[a, b.c] ifExists
        """);
  }

  @Test void dropTriggerOnTable() {
    assertTree("""
        DROP TRIGGER IF EXISTS audit ON orders""", """
        Drop objectType=TRIGGER names=[audit] ifExists on=orders
        """);
  }

  @Test void dropFunctionWithSignature() {
    assertTree("""
        DROP FUNCTION IF EXISTS f(int, text)""", """
        Drop objectType=FUNCTION names=[f] ifExists
        """);
  }

  @Test void dropOthers() {
    assertTree("""
        DROP MATERIALIZED VIEW mv; DROP VIEW v; DROP SEQUENCE s; DROP SCHEMA app CASCADE; DROP EXTENSION pgcrypto; DROP PROCEDURE p; DROP TYPE mood""", """
        Drop objectType=MATERIALIZED VIEW names=[mv]
        Drop objectType=VIEW names=[v]
        Drop objectType=SEQUENCE names=[s]
        Drop objectType=SCHEMA names=[app] behavior=CASCADE
        Drop objectType=EXTENSION names=[pgcrypto]
        Drop objectType=PROCEDURE names=[p]
        Drop objectType=TYPE names=[mood]
        """);
  }
}
