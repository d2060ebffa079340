package slipway.core.sql;

import static slipway.core.sql.ParserAssertions.assertTree;

import org.junit.jupiter.api.Test;

/** SQL in, tree out (rendered by {@link TreePrinter}: spans, nulls, false flags and empty lists left out). */
class ParseDmlTest {
  @Test void insert() {
    assertTree("""
        INSERT INTO orders (id, total) VALUES (1, 2) ON CONFLICT (id) DO NOTHING RETURNING id""", """
        Insert table=orders columns=[id, total] onConflict returning
        """);
  }

  @Test void batchedUpdateThroughACte() {
    assertTree("""
        WITH batch AS (SELECT id FROM orders WHERE region IS NULL LIMIT 1000) UPDATE orders o SET region = 'eu' FROM batch WHERE o.id = batch.id""", """
        Update table=orders hasWhere hasFrom limited
          set:
          - Assignment column=region
              value: Expression text='eu' volatility=CONSTANT
          where: Where text=WHERE o.id = batch.id
            comparisons:
            - Comparison column=id operator==
        """);
  }

  @Test void updateAndDeleteWithoutWhere() {
    assertTree("""
        UPDATE orders SET region = 'eu'; DELETE FROM orders""", """
        Update table=orders
          set:
          - Assignment column=region
              value: Expression text='eu' volatility=CONSTANT
        Delete table=orders
        """);
  }

  @Test void deleteWithLimitedSubquery() {
    assertTree("""
        DELETE FROM ONLY orders WHERE id IN (SELECT id FROM orders LIMIT 100) RETURNING id""", """
        Delete table=orders hasWhere returning limited
          where: Where text=WHERE id IN (SELECT id FROM orders LIMIT 100) limit
            comparisons:
            - Comparison column=id operator=IN
        """);
  }

  @Test void setListAndWhereComparisons() {
    assertTree("""
        UPDATE orders SET (a, b) = (1, 2), c[1] = 3, "D" = now(), e = DEFAULT
        WHERE id = $1 AND k BETWEEN 1 AND 5 AND total < -3 AND note <> ? AND x IN (:ids) OR c.kind = 'a'
        RETURNING id""", """
        Update table=orders hasWhere returning
          set:
          - Assignment
          - Assignment
          - Assignment column=D
              value: Expression text=now() volatility=STABLE functions=[now]
          - Assignment column=e
              value: Expression text=DEFAULT volatility=CONSTANT
          where: Where text=WHERE id = $1 AND k BETWEEN 1 AND 5 AND total < -3 AND note <> ? AND x IN (:ids) OR c.kind = 'a' or
            comparisons:
            - Comparison column=id operator== constant
            - Comparison column=k operator=BETWEEN constant
            - Comparison column=total operator=< constant
            - Comparison column=note operator=<> constant
            - Comparison column=x operator=IN constant
            - Comparison column=kind operator== constant
        """);
  }

  @Test void whereComparesWithColumnsAndSubqueries() {
    assertTree("""
        DELETE FROM t WHERE status = other_status AND id IN (SELECT id FROM t WHERE created < now())""", """
        Delete table=t hasWhere
          where: Where text=WHERE status = other_status AND id IN (SELECT id FROM t WHERE created < now())
            comparisons:
            - Comparison column=status operator==
            - Comparison column=id operator=IN
            - Comparison column=created operator=<
        """);
  }

  @Test void copyAndSelect() {
    assertTree("""
        COPY orders (id, total) FROM STDIN WITH (FORMAT csv);
        1,2
        \\.
        SELECT setval('orders_id_seq', (SELECT max(id) FROM orders))""", """
        Copy table=orders columns=[id, total] from endpoint=STDIN
        Select functions=[setval, max]
        """);
  }
}
