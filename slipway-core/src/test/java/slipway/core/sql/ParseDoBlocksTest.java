package slipway.core.sql;

import static slipway.core.sql.ParserAssertions.assertTree;

import org.junit.jupiter.api.Test;

/** SQL in, tree out (rendered by {@link TreePrinter}: spans, nulls, false flags and empty lists left out). */
class ParseDoBlocksTest {
  @Test void innerStatementsAreParsed() {
    assertTree("""
        DO $$
        DECLARE
          n int;
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
            CREATE TYPE mood AS ENUM ('a');
          END IF;
          ALTER TABLE orders ADD COLUMN m mood;
          EXECUTE 'DROP TABLE x';
        END
        $$""", """
        DoBlock language=plpgsql body=
        DECLARE
          n int;
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
            CREATE TYPE mood AS ENUM ('a');
          END IF;
          ALTER TABLE orders ADD COLUMN m mood;
          EXECUTE 'DROP TABLE x';
        END

          statements:
          - CreateType type=mood form=ENUM enumValues=[a]
          - AlterTable objectType=TABLE table=orders
              actions:
              - AddColumn
                  definition: ColumnDef name=m
                    type: TypeName name=mood
        """);
  }
}
