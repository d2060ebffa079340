package slipway.core.sql;

import static slipway.core.sql.ParserAssertions.assertTree;

import org.junit.jupiter.api.Test;

/** SQL in, tree out (rendered by {@link TreePrinter}: spans, nulls, false flags and empty lists left out). */
class ParseIndexesTest {
  @Test void dropIndexConcurrently() {
    assertTree("""
        DROP INDEX CONCURRENTLY IF EXISTS orders_email_idx, other_idx CASCADE""", """
        Drop objectType=INDEX names=[orders_email_idx, other_idx] ifExists concurrently behavior=CASCADE
        """);
  }

  @Test void reindexConcurrently() {
    assertTree("""
        REINDEX INDEX CONCURRENTLY orders_email_idx""", """
        Reindex target=INDEX name=orders_email_idx concurrently
        """);
  }

  @Test void reindexWithOptions() {
    assertTree("""
        REINDEX (CONCURRENTLY, VERBOSE) TABLE orders""", """
        Reindex target=TABLE name=orders concurrently
        """);
  }

  @Test void alterIndexAttachPartition() {
    assertTree("""
        ALTER INDEX parent_idx ATTACH PARTITION child_idx""", """
        AlterTable objectType=INDEX table=parent_idx
          actions:
          - AttachPartition partition=child_idx
        """);
  }
}
