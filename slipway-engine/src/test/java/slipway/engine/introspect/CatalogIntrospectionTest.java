package slipway.engine.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.CatalogReplay;
import slipway.core.catalog.Name;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/** The schema read from a live database equals what the replay of the same DDL builds, for what the lock model uses. */
@Tag("pg-behaviour") // reads pg_catalog: proven on both majors
@ExtendWith(PostgresExtension.class)
class CatalogIntrospectionTest {
  static final String DDL = """
      create type mood as enum ('happy', 'sad');
      create schema billing;
      create table billing.invoices (id int primary key, note varchar(40));
      create table customers (id bigserial primary key, email varchar(200) not null, name text collate "C");
      create table orders (
        id bigint generated always as identity primary key,
        customer_id bigint not null references customers (id),
        total numeric(10,2) not null default 0,
        placed_at timestamptz not null default now(),
        tags text[],
        feeling mood,
        total_cents bigint generated always as ((total * 100)::bigint) stored,
        constraint total_positive check (total >= 0)
      );
      create unique index orders_customer_placed on orders (customer_id, placed_at) where total > 0;
      create index orders_tags on orders using gin (tags);
      alter table orders add constraint orders_total_cap check (total < 1000000) not valid;
      alter table customers add constraint customers_email_key unique (email);
      create view big_orders as select id, total from orders where total > 100;
      create materialized view order_totals as select customer_id, sum(total) as s from orders group by customer_id;
      create table events (id bigint not null, at date not null) partition by range (at);
      create table events_2026 partition of events for values from ('2026-01-01') to ('2027-01-01');
      create unlogged table scratch (payload jsonb, at timestamp(3));
      """;

  @Test void liveSchemaMatchesTheReplayOfTheSameDdl(TestDatabase db) throws Exception {
    db.execute(DDL);
    Catalog live;
    try (Connection c = db.connect()) {
      live = CatalogIntrospection.read(c);
    }
    Catalog replayed = new Catalog();
    CatalogReplay.applyScript(replayed, DDL);

    assertEquals(kinds(replayed), kinds(live));
    for (Catalog.Relation r : replayed.relations()) {
      Catalog.Relation l = live.relation(r.key);
      assertEquals(r.partitionOf, l.partitionOf, r.key);
      assertEquals(r.unlogged, l.unlogged, r.key);
      assertEquals(r.ownedBy, l.ownedBy, r.key);
      if (!r.isTable()) {
        continue;
      }
      assertEquals(List.copyOf(r.columns.keySet()), List.copyOf(l.columns.keySet()), r.key);
      for (Catalog.Column rc : r.columns.values()) {
        Catalog.Column lc = l.columns.get(rc.name);
        String where = r.key + "." + rc.name;
        assertEquals(rc.typeText(), lc.typeText(), where);
        assertEquals(rc.type, lc.type, where);
        assertEquals(rc.typmods, lc.typmods, where);
        assertEquals(rc.array, lc.array, where);
        assertEquals(rc.notNull, lc.notNull, where);
        assertEquals(rc.defaultExpr, lc.defaultExpr, where);
        assertEquals(rc.identity, lc.identity, where);
        assertEquals(rc.generated == null, lc.generated == null, where);
        assertEquals(rc.collation, lc.collation, where);
      }
      assertEquals(constraints(replayed, r.key), constraints(live, r.key), r.key);
      assertEquals(indexes(replayed, r.key), indexes(live, r.key), r.key);
    }
    assertEquals(replayed.relation("events").partitionKey, live.relation("events").partitionKey);
    assertEquals(replayed.relation("events").partitionStrategy, live.relation("events").partitionStrategy);
    assertEquals(replayed.enums(), live.enums());
    assertTrue(live.relation("big_orders").reads.contains("orders"));
    assertTrue(live.relation("order_totals").reads.contains("orders"));
    assertEquals("orders", live.index("orders_customer_placed").table);
    assertEquals("total > (0)::numeric", live.index("orders_customer_placed").predicate);
    assertEquals("customers", live.relation("orders").constraint("orders_customer_id_fkey").refTable);
    assertEquals(List.of("id"), live.relation("orders").constraint("orders_customer_id_fkey").refColumns);
    assertEquals("total >= (0)::numeric", live.relation("orders").constraint("total_positive").expression);

    // Nothing read from the database is new in the migration being analysed.
    live.beginMigration();
    for (Catalog.Relation r : live.relations()) {
      assertFalse(live.isNewInThisMigration(r.name), r.key);
    }
  }

  @Test void anIndexLeftInvalidByAFailedConcurrentBuildIsReadAsInvalid(TestDatabase db) throws Exception {
    db.execute("create table dups (k int); insert into dups values (1), (1)");
    assertThrows(SQLException.class, () -> db.execute("create unique index concurrently dups_k on dups (k)"));
    try (Connection c = db.connect()) {
      Catalog live = CatalogIntrospection.read(c);
      Catalog.Index idx = live.index("dups_k");
      assertNotNull(idx);
      assertFalse(idx.valid);
      assertTrue(idx.unique);
      assertEquals(List.of("k"), idx.columns);
    }
  }

  @Test void systemSchemasAreLeftOut(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Catalog live = CatalogIntrospection.read(c);
      assertTrue(live.relations().isEmpty(), () -> "unexpected: " + kinds(live));
      assertNull(live.relation("pg_class"));
      assertNull(live.relation(new Name("information_schema", "tables")));
    }
  }

  private static Map<String, String> kinds(Catalog c) {
    Map<String, String> out = new TreeMap<>();
    for (Catalog.Relation r : c.relations()) {
      out.put(r.key, r.kind.name());
    }
    return out;
  }

  /** name: type, validated, columns, index (NOT NULL constraints left out: PostgreSQL 18 names them for every NOT NULL column). */
  private static Map<String, String> constraints(Catalog c, String table) {
    Map<String, String> out = new TreeMap<>();
    for (Catalog.Constraint k : c.relation(table).constraints) {
      if (k.type != Catalog.ConstraintType.NOT_NULL) {
        // A CHECK's columns: the server knows them (conkey) even for a table-level CHECK, the replay does not.
        String columns = k.type == Catalog.ConstraintType.CHECK ? "" : k.columns.toString();
        out.put(k.name, k.type + " validated=" + k.validated + " " + columns + " index=" + k.index);
      }
    }
    return out;
  }

  private static Map<String, String> indexes(Catalog c, String table) {
    Map<String, String> out = new TreeMap<>();
    for (Catalog.Index i : c.indexesOf(table)) {
      out.put(i.key, "unique=" + i.unique + " primary=" + i.primary + " valid=" + i.valid + " " + i.method + " "
          + new ArrayList<>(i.columns) + " predicate=" + (i.predicate != null) + " constraint=" + i.constraint);
    }
    return out;
  }
}
