package slipway.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static slipway.core.lock.LockMode.ACCESS_EXCLUSIVE;
import static slipway.core.lock.LockMode.ACCESS_SHARE;
import static slipway.core.lock.LockMode.ROW_SHARE;
import static slipway.core.lock.LockMode.SHARE;
import static slipway.core.lock.LockMode.SHARE_ROW_EXCLUSIVE;
import static slipway.core.lock.LockMode.SHARE_UPDATE_EXCLUSIVE;

import java.util.List;
import slipway.core.lock.LockMode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import slipway.core.BadInputException;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/** What PostgreSQL reports for the statements the issue names, on every major the build tests. */
@ExtendWith(PostgresExtension.class)
class TracerTest {
  private static final String ORDERS = """
      CREATE TABLE orders (id int PRIMARY KEY, customer_id int, total int);
      INSERT INTO orders SELECT g, g % 100, g FROM generate_series(1, 20000) g;
      """;

  @Tag("pg-behaviour")
  @Test
  void createIndexTakesShareLockWithoutRewrite(TestDatabase db) {
    StatementTrace t = Tracer.trace(db::connect, ORDERS, "CREATE INDEX orders_customer_idx ON orders (customer_id)").only();
    assertEquals(SHARE, t.strongestLockOn("orders"));
    assertFalse(t.rewrite());
    assertFalse(t.rewrote("orders"));
    assertTrue(t.transactional());
    // The index it creates is not an existing relation, so it is not listed.
    assertTrue(t.locks().stream().noneMatch(l -> l.relation().equals("orders_customer_idx")));
  }

  @Tag("pg-behaviour")
  @Test
  void addColumnWithVolatileDefaultRewritesUnderAccessExclusive(TestDatabase db) {
    StatementTrace t = Tracer.trace(db::connect, ORDERS,
        "ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid()").only();
    assertEquals(ACCESS_EXCLUSIVE, t.strongestLockOn("orders"));
    assertTrue(t.rewrite());
    assertTrue(t.rewrote("orders"));
    assertTrue(t.rewrote("orders_pkey"), "a table rewrite rebuilds its indexes: " + t.rewritten());
  }

  @Tag("pg-behaviour")
  @Test
  void addColumnWithConstantDefaultDoesNotRewrite(TestDatabase db) {
    StatementTrace t = Tracer.trace(db::connect, ORDERS, "ALTER TABLE orders ADD COLUMN status text DEFAULT 'new'").only();
    assertEquals(ACCESS_EXCLUSIVE, t.strongestLockOn("orders"));
    assertFalse(t.rewrite());
  }

  @Tag("pg-behaviour")
  @Test
  void alterColumnTypeIntToBigintRewritesUnderAccessExclusive(TestDatabase db) {
    StatementTrace t = Tracer.trace(db::connect, ORDERS, "ALTER TABLE orders ALTER COLUMN total TYPE bigint").only();
    assertEquals(ACCESS_EXCLUSIVE, t.strongestLockOn("orders"));
    assertTrue(t.rewrite());
    assertTrue(t.rewrote("orders"));
  }

  @Tag("pg-behaviour")
  @Test
  void createIndexConcurrentlyRunsOutsideATransactionUnderShareUpdateExclusive(TestDatabase db) throws Exception {
    StatementTrace t = Tracer.trace(db::connect, ORDERS,
        "CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total)").only();
    assertFalse(t.transactional());
    assertEquals(SHARE_UPDATE_EXCLUSIVE, t.strongestLockOn("orders"));
    assertFalse(t.rewrite());
    assertEquals("t", db.value("SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_total_idx'::regclass"));
  }

  @Tag("pg-behaviour")
  @Test
  void foreignKeyNotValidThenValidate(TestDatabase db) {
    TraceResult r = Tracer.trace(db::connect, ORDERS + "CREATE TABLE customers (id int PRIMARY KEY);"
        + "INSERT INTO customers SELECT g FROM generate_series(0, 99) g;", """
        ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
        """);
    assertEquals(SHARE_ROW_EXCLUSIVE, r.statement(0).strongestLockOn("orders"));
    assertEquals(SHARE_ROW_EXCLUSIVE, r.statement(0).strongestLockOn("customers"));
    assertEquals(SHARE_UPDATE_EXCLUSIVE, r.statement(1).strongestLockOn("orders"));
    assertEquals(ROW_SHARE, r.statement(1).strongestLockOn("customers"));
    assertEquals(2, r.statement(1).line());
  }

  private static final String KINDS = """
      CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);
      CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE TABLE m_2025 PARTITION OF m FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      INSERT INTO m SELECT g, date '2024-01-01' + (g % 700) FROM generate_series(1, 20000) g;
      CREATE SEQUENCE s;
      CREATE TABLE o (id int PRIMARY KEY, n bigint DEFAULT nextval('s'));
      INSERT INTO o (id) SELECT generate_series(1, 20000);
      CREATE VIEW v AS SELECT id FROM o;
      """;

  @Tag("pg-behaviour")
  @Test
  void partitionsAreLockedWithTheirParent(TestDatabase db) {
    StatementTrace t = Tracer.trace(db::connect, KINDS, "ALTER TABLE m ADD COLUMN note text").only();
    assertEquals(ACCESS_EXCLUSIVE, t.strongestLockOn("m"));
    assertEquals(ACCESS_EXCLUSIVE, t.strongestLockOn("m_2024"));
    assertEquals(ACCESS_EXCLUSIVE, t.strongestLockOn("m_2025"));
    assertEquals("partitioned table", t.locks().get(0).kind());
  }

  @Tag("pg-behaviour")
  @Test
  void detachPartitionConcurrentlyRunsOutsideATransaction(TestDatabase db) {
    org.junit.jupiter.api.Assumptions.assumeTrue(db.major() >= 14, "DETACH … CONCURRENTLY is new in PostgreSQL 14");
    // DETACH … CONCURRENTLY takes a few milliseconds whatever the table's size, and sampling can
    // miss a lock that short (docs/trace.md): re-attach and trace again until a sample lands.
    String setup = KINDS;
    LockMode strongestOnParent = null;
    for (int attempt = 0; attempt < 30 && strongestOnParent != SHARE_UPDATE_EXCLUSIVE; attempt++) {
      StatementTrace t = Tracer.trace(db::connect, setup, "ALTER TABLE m DETACH PARTITION m_2025 CONCURRENTLY").only();
      assertFalse(t.transactional());
      // Whatever a sample caught on the parent, it never blocks writes. (The partition itself may
      // show ACCESS EXCLUSIVE: the second transaction adds a CHECK constraint to it.)
      LockMode onParent = t.strongestLockOn("m");
      assertTrue(onParent == null || !onParent.blocksWrites(), t.locks().toString());
      strongestOnParent = onParent;
      setup = "ALTER TABLE m ATTACH PARTITION m_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')";
    }
    assertEquals(SHARE_UPDATE_EXCLUSIVE, strongestOnParent);
  }

  @Tag("pg-behaviour")
  @Test
  void reindexConcurrentlyAndPlainReindex(TestDatabase db) {
    TraceResult r = Tracer.trace(db::connect, KINDS, "REINDEX TABLE CONCURRENTLY o; REINDEX TABLE o");
    assertFalse(r.statement(0).transactional());
    assertEquals(SHARE_UPDATE_EXCLUSIVE, r.statement(0).strongestLockOn("o"));
    // The old index is dropped at the end under ACCESS EXCLUSIVE (it is dead by then, nobody uses
    // it); a sample may or may not catch that moment, so only the table's mode is asserted.
    assertTrue(r.statement(0).strongestLockOn("o_pkey") != null, r.statement(0).locks().toString());
    assertTrue(r.statement(1).transactional());
    assertEquals(SHARE, r.statement(1).strongestLockOn("o"));
    assertEquals(ACCESS_EXCLUSIVE, r.statement(1).strongestLockOn("o_pkey"));
    assertTrue(r.statement(1).rewrote("o_pkey"));
    assertFalse(r.statement(1).rewrite(), "only an index was rebuilt, not the table");
  }

  @Tag("pg-behaviour")
  @Test
  void sequencesAndViewsAreRelationsToo(TestDatabase db) {
    TraceResult r = Tracer.trace(db::connect, KINDS,
        "ALTER SEQUENCE s RESTART WITH 10; CREATE OR REPLACE VIEW v AS SELECT id, n FROM o");
    assertEquals(SHARE_ROW_EXCLUSIVE, r.statement(0).strongestLockOn("s"));
    assertEquals("sequence", r.statement(0).locks().get(0).kind());
    assertEquals(ACCESS_EXCLUSIVE, r.statement(1).strongestLockOn("v"));
    assertEquals(ACCESS_SHARE, r.statement(1).strongestLockOn("o"));
  }

  @Test
  void droppedRelationsKeepTheirNamesAndCreatedOnesAreLeftOut(TestDatabase db) {
    TraceResult r = Tracer.trace(db::connect, "CREATE TABLE old (id int PRIMARY KEY);",
        "DROP TABLE old; CREATE TABLE fresh (id int PRIMARY KEY)");
    assertEquals(ACCESS_EXCLUSIVE, r.statement(0).strongestLockOn("old"));
    assertEquals(ACCESS_EXCLUSIVE, r.statement(0).strongestLockOn("old_pkey"));
    assertEquals(List.of(), r.statement(1).locks());
  }

  @Test
  void relationsOffTheSearchPathAreSchemaQualified(TestDatabase db) {
    StatementTrace t = Tracer.trace(db::connect, "CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int);",
        "ALTER TABLE billing.invoices ADD COLUMN note text").only();
    assertEquals("billing.invoices", t.locks().get(0).relation());
    assertEquals(ACCESS_EXCLUSIVE, t.strongestLockOn("billing.invoices"));
    assertNull(t.strongestLockOn("invoices"), "a bare name means the relation on the search path");
  }

  @Test
  void statementsTheServerRefusesInATransactionRunOnTheirOwn(TestDatabase db) {
    // CLUSTER without a table "cannot be executed inside a transaction block" (not in the keyword list).
    StatementTrace t = Tracer.trace(db::connect, ORDERS, "CLUSTER").only();
    assertFalse(t.transactional());
    assertNull(t.skipped());
  }

  @Test
  void rollingBackLeavesTheDatabaseAsItWas(TestDatabase db) throws Exception {
    db.execute(ORDERS);
    TraceResult r;
    try (Tracer tracer = Tracer.open(db::connect)) {
      r = tracer.trace("V2__x.sql", """
          CREATE TABLE audit (id int);
          CREATE INDEX audit_id_idx ON audit (id);
          ALTER TABLE orders ADD COLUMN note text;
          CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);
          """);
    }
    assertEquals(ACCESS_EXCLUSIVE, r.statement(2).strongestLockOn("orders"));
    assertTrue(r.statement(3).skipped().contains("could not be rolled back"), r.statement(3).skipped());
    assertEquals("0", db.value("SELECT count(*) FROM pg_class WHERE relname IN ('audit', 'orders_total_idx')"));
    assertEquals("0", db.value("SELECT count(*) FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'note'"));
  }

  @Test
  void aFailingStatementNamesItsLineAndCause(TestDatabase db) throws Exception {
    db.execute(ORDERS);
    BadInputException e;
    try (Tracer tracer = Tracer.open(db::connect)) {
      e = assertThrows(BadInputException.class, () -> tracer.trace("V3__bad.sql",
          "ALTER TABLE orders ADD COLUMN a int;\n  ALTER TABLE orders ADD COLUMN b nosuchtype;"));
    }
    assertTrue(e.getMessage().startsWith("V3__bad.sql:2:35: type \"nosuchtype\" does not exist"), e.getMessage());
    assertEquals("0", db.value("SELECT count(*) FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'a'"));
  }

  @Test
  void transactionControlInTheFileIsSkipped(TestDatabase db) {
    TraceResult r = Tracer.trace(db::connect, ORDERS, "BEGIN; ALTER TABLE orders ADD COLUMN x int; COMMIT;");
    assertTrue(r.statement(0).skipped().startsWith("transaction control"));
    assertEquals(ACCESS_EXCLUSIVE, r.statement(1).strongestLockOn("orders"));
    assertTrue(r.statement(2).skipped().startsWith("transaction control"));
  }

  @Test
  void aUrlWorksAsWellAsAConnectionSource(TestDatabase db) {
    assertEquals(SHARE, Tracer.trace(db.url(), ORDERS, "CREATE INDEX ON orders (total)").strongestLockOn("orders"));
  }
}
