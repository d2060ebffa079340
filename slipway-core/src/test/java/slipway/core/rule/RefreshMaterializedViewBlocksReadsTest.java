package slipway.core.rule;

import org.junit.jupiter.api.Test;

class RefreshMaterializedViewBlocksReadsTest {
  RuleTester tester = RuleTester.of(new RefreshMaterializedViewBlocksReads()).given("CREATE MATERIALIZED VIEW totals AS SELECT 1 AS id; CREATE UNIQUE INDEX totals_id ON totals (id);");

  @Test void flagsPlainRefresh() {
    tester.check("""
        -- expect: refresh-materialized-view-blocks-reads reads of "totals" wait
        REFRESH MATERIALIZED VIEW totals;
        """);
  }

  @Test void allowsConcurrentlyAndNewViews() {
    tester.check("""
        REFRESH MATERIALIZED VIEW CONCURRENTLY totals;
        CREATE MATERIALIZED VIEW fresh AS SELECT 1; REFRESH MATERIALIZED VIEW fresh;
        """);
  }

  @Test void fixAddsConcurrently() {
    tester.fix("""
        REFRESH MATERIALIZED VIEW totals;
        """, """
        REFRESH MATERIALIZED VIEW CONCURRENTLY totals;
        """);
  }

  @Test void withoutAUniqueIndexTheRecipeBuildsOne() {
    tester.given("CREATE MATERIALIZED VIEW app.\"Stats\" AS SELECT 1 AS id;").check("""
        -- expect: refresh-materialized-view-blocks-reads CREATE UNIQUE INDEX CONCURRENTLY Stats_key ON app."Stats"
        REFRESH MATERIALIZED VIEW app."Stats";
        REFRESH MATERIALIZED VIEW app."Stats" WITH NO DATA;
        """);
  }
}
