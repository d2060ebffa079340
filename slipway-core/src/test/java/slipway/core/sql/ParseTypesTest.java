package slipway.core.sql;

import static slipway.core.sql.ParserAssertions.assertTree;

import org.junit.jupiter.api.Test;

/** SQL in, tree out (rendered by {@link TreePrinter}: spans, nulls, false flags and empty lists left out). */
class ParseTypesTest {
  @Test void createEnum() {
    assertTree("""
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')""", """
        CreateType type=mood form=ENUM enumValues=[sad, ok, happy]
        """);
  }

  @Test void addValue() {
    assertTree("""
        ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'ok'""", """
        AlterType type=mood action=ADD_VALUE value=meh ifNotExists before neighbour=ok
        """);
  }

  @Test void renameValue() {
    assertTree("""
        ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'""", """
        AlterType type=mood action=RENAME_VALUE value=sad newValue=blue
        """);
  }
}
