package slipway.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static slipway.core.lock.LockMode.ACCESS_EXCLUSIVE;
import static slipway.core.lock.LockMode.ROW_SHARE;
import static slipway.core.lock.LockMode.SHARE;
import static slipway.core.lock.LockMode.SHARE_ROW_EXCLUSIVE;
import static slipway.core.lock.LockMode.SHARE_UPDATE_EXCLUSIVE;

import java.util.List;
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
