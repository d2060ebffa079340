package slipway.core.sql;

import static slipway.core.sql.ParserAssertions.assertTree;

import org.junit.jupiter.api.Test;

/** SQL in, tree out (rendered by {@link TreePrinter}: spans, nulls, false flags and empty lists left out). */
class ParseDoBlocksTest {
  @Test void loopsAndCommitsAreSeen() {
    assertTree("""
        DO $$
        DECLARE n int;
        BEGIN
          LOOP
            UPDATE orders SET region = 'x' WHERE id IN (SELECT id FROM orders WHERE region IS NULL LIMIT 5000);
            GET DIAGNOSTICS n = ROW_COUNT;
            EXIT WHEN n = 0;
            COMMIT;
          END LOOP;
        END $$;
        DO $$ BEGIN FOR r IN SELECT 1 LOOP DELETE FROM t WHERE id = r.id; END LOOP; END $$;
        DO $$ BEGIN UPDATE t SET a = 1; END$$""", """
        DoBlock language=plpgsql body=
        DECLARE n int;
        BEGIN
          LOOP
            UPDATE orders SET region = 'x' WHERE id IN (SELECT id FROM orders WHERE region IS NULL LIMIT 5000);
            GET DIAGNOSTICS n = ROW_COUNT;
            EXIT WHEN n = 0;
            COMMIT;
          END LOOP;
        END  loops
          statements:
          - Update table=orders hasWhere limited
              set:
              - Assignment column=region
                  value: Expression text='x' volatility=CONSTANT
              where: Where text=WHERE id IN (SELECT id FROM orders WHERE region IS NULL LIMIT 5000) limit
                comparisons:
                - Comparison column=id operator=IN
          - TransactionControl action=COMMIT
        DoBlock language=plpgsql body= BEGIN FOR r IN SELECT 1 LOOP DELETE FROM t WHERE id = r.id; END LOOP; END  loops
          statements:
          - Delete table=t hasWhere
              where: Where text=WHERE id = r.id
                comparisons:
                - Comparison column=id operator==
        DoBlock language=plpgsql body= BEGIN UPDATE t SET a = 1; END
          statements:
          - Update table=t
              set:
              - Assignment column=a
                  value: Expression text=1 volatility=CONSTANT
        """);
  }

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
