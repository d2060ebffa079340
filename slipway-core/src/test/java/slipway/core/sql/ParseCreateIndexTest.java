package slipway.core.sql;

import static slipway.core.sql.ParserAssertions.assertTree;

import org.junit.jupiter.api.Test;

/** SQL in, tree out (rendered by {@link TreePrinter}: spans, nulls, false flags and empty lists left out). */
class ParseCreateIndexTest {
  @Test void everyClause() {
    assertTree("""
        CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_email_idx ON ONLY public.orders USING btree (lower(email) DESC NULLS LAST, (a + b), c text_pattern_ops) INCLUDE (d) WHERE deleted_at IS NULL""", """
        CreateIndex name=orders_email_idx table=public.orders unique concurrently ifNotExists only method=btree include=[d]
          elements:
          - IndexElement descending nulls=LAST
              expression: Expression text=lower(email) volatility=CONSTANT functions=[lower]
          - IndexElement
              expression: Expression text=a + b volatility=CONSTANT
          - IndexElement column=c opclass=text_pattern_ops
          where: Expression text=deleted_at IS NULL volatility=CONSTANT
        """);
  }

  @Test void unnamed() {
    assertTree("""
        CREATE INDEX ON t USING gin (tags)""", """
        CreateIndex table=t method=gin
          elements:
          - IndexElement column=tags
        """);
  }
}
