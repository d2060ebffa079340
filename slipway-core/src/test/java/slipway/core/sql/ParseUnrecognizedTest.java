package slipway.core.sql;

import static slipway.core.sql.ParserAssertions.assertTree;

import org.junit.jupiter.api.Test;

/** SQL in, tree out (rendered by {@link TreePrinter}: spans, nulls, false flags and empty lists left out). */
class ParseUnrecognizedTest {
  @Test void textThatIsNotAStatementForm() {
    assertTree("""
        this is not sql""", """
        Unrecognized text=this is not sql
        """);
  }

  @Test void malformedStatementCarriesItsError() {
    assertTree("""
        ALTER TABLE t
          ADD COLUMN""", """
        Unrecognized text=ALTER TABLE t
          ADD COLUMN
          error: Diagnostic message=expected a name before the end of the statement
        """);
  }
}
