package slipway.core.sql;

import static slipway.core.sql.ParserAssertions.assertTree;

import org.junit.jupiter.api.Test;

/** SQL in, tree out (rendered by {@link TreePrinter}: spans, nulls, false flags and empty lists left out). */
class ParseMaintenanceTest {
  @Test void truncate() {
    assertTree("""
        TRUNCATE TABLE ONLY a, b RESTART IDENTITY CASCADE""", """
        Truncate tables=[a, b] only restartIdentity cascade
        """);
  }

  @Test void vacuumAndAnalyze() {
    assertTree("""
        VACUUM (VERBOSE, ANALYZE) orders; VACUUM FULL orders; ANALYZE orders (a, b)""", """
        Vacuum options=[VERBOSE, ANALYZE] tables=[orders]
        Vacuum full options=[FULL] tables=[orders]
        Vacuum analyzeOnly tables=[orders]
        """);
  }

  @Test void cluster() {
    assertTree("""
        CLUSTER orders USING orders_pkey""", """
        Cluster table=orders index=orders_pkey
        """);
  }

  @Test void refreshMaterializedView() {
    assertTree("""
        REFRESH MATERIALIZED VIEW CONCURRENTLY stats WITH DATA""", """
        RefreshMaterializedView view=stats concurrently withData
        """);
  }
}
