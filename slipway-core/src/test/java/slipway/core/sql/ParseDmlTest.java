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
        """);
  }

  @Test void updateAndDeleteWithoutWhere() {
    assertTree("""
        UPDATE orders SET region = 'eu'; DELETE FROM orders""", """
        Update table=orders
        Delete table=orders
        """);
  }

  @Test void deleteWithLimitedSubquery() {
    assertTree("""
        DELETE FROM ONLY orders WHERE id IN (SELECT id FROM orders LIMIT 100) RETURNING id""", """
        Delete table=orders hasWhere returning limited
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
