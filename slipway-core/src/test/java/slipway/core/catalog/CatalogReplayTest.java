package slipway.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogReplayTest {
  private static Catalog replay(String... migrations) {
    Catalog c = new Catalog();
    for (String m : migrations) {
      c.beginMigration();
      CatalogReplay.applyScript(c, m);
    }
    return c;
  }

  @Test
  void columnsWithTypesTypmodsCollationDefaultsAndNotNull() {
    Catalog c = replay("""
        CREATE TABLE public."Orders" (
          id bigserial PRIMARY KEY,
          code varchar(20) COLLATE "C" NOT NULL DEFAULT 'x',
          amount numeric(10, 2),
          at timestamp with time zone DEFAULT now(),
          tags text[],
          n int GENERATED ALWAYS AS IDENTITY,
          g int GENERATED ALWAYS AS (n * 2) STORED
        );
        """);
    Catalog.Relation r = c.relation("Orders");
    assertNotNull(r);
    assertEquals("bigint", r.columns.get("id").type);
    assertTrue(r.columns.get("id").notNull);
    assertNotNull(c.relation("Orders_id_seq"));
    Catalog.Column code = r.columns.get("code");
    assertEquals("varchar", code.type);
    assertEquals(List.of(20), code.typmods);
    assertEquals("C", code.collation);
    assertTrue(code.notNull);
    assertEquals("'x'", code.defaultExpr);
    assertEquals(List.of(10, 2), r.columns.get("amount").typmods);
    assertEquals("timestamptz", r.columns.get("at").type);
    assertTrue(r.columns.get("tags").array);
    assertEquals("always", r.columns.get("n").identity);
    assertEquals("n * 2", r.columns.get("g").generated);
    assertTrue(c.index("Orders_pkey").primary);
  }

  @Test
  void laterMigrationsSeeEarlierTypesAndNewTablesAreNew() {
    Catalog c = replay("CREATE TABLE t (c varchar(10))", "ALTER TABLE t ALTER COLUMN c TYPE varchar(50); CREATE TABLE n (id int)");
    assertEquals(List.of(50), c.relation("t").columns.get("c").typmods);
    assertTrue(c.isNewInThisMigration(Name.of("n")));
    assertFalse(c.isNewInThisMigration(Name.of("t")));
  }

  @Test
  void constraintValidityAndNotNullChecks() {
    Catalog c = replay("""
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE t (id int, p_id int, c int);
        ALTER TABLE t ADD CONSTRAINT t_p_fk FOREIGN KEY (p_id) REFERENCES p (id) NOT VALID;
        ALTER TABLE t ADD CONSTRAINT t_c_nn CHECK (c IS NOT NULL) NOT VALID;
        ALTER TABLE t VALIDATE CONSTRAINT t_c_nn;
        ALTER TABLE t ADD CONSTRAINT t_c_pos CHECK ((c > 0));
        """);
    Catalog.Relation t = c.relation("t");
    assertFalse(t.constraint("t_p_fk").validated);
    assertEquals("p", t.constraint("t_p_fk").refTable);
    assertTrue(t.constraint("t_c_nn").validated);
    assertEquals("c", t.constraint("t_c_nn").notNullColumn);
    assertNull(t.constraint("t_c_pos").notNullColumn);
    assertEquals(List.of("t"), c.referencedBy("p"));
  }

  @Test
  void indexesUniquePartialExpressionAndUsingIndex() {
    Catalog c = replay("""
        CREATE TABLE t (id int NOT NULL, email text, deleted_at timestamptz);
        CREATE UNIQUE INDEX CONCURRENTLY t_email ON t (lower(email)) WHERE deleted_at IS NULL;
        CREATE UNIQUE INDEX t_id_idx ON t (id);
        ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx;
        CREATE INDEX ON t (email);
        """);
    Catalog.Index email = c.index("t_email");
    assertTrue(email.unique);
    assertEquals("deleted_at IS NULL", email.predicate);
    assertEquals(java.util.Arrays.asList((String) null), email.columns);
    assertNull(c.index("t_id_idx"));
    assertTrue(c.index("t_pkey").primary);
    assertNotNull(c.index("t_email_idx"));
  }

  @Test
  void partitionsInheritanceViewsEnumsDomains() {
    Catalog c = replay("""
        CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k);
        CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10);
        CREATE TABLE pt2 (id int, k int);
        ALTER TABLE pt ATTACH PARTITION pt2 FOR VALUES FROM (10) TO (20);
        CREATE TABLE child (x int) INHERITS (pt2);
        CREATE VIEW v AS SELECT id, k FROM pt1;
        CREATE MATERIALIZED VIEW mv AS SELECT k FROM pt2 WITH NO DATA;
        CREATE TYPE mood AS ENUM ('a', 'b');
        ALTER TYPE mood ADD VALUE 'c';
        CREATE DOMAIN posint AS int CHECK (VALUE > 0);
        """);
    assertEquals(Catalog.Kind.PARTITIONED_TABLE, c.relation("pt").kind);
    assertEquals("pt", c.relation("pt1").partitionOf);
    assertEquals("pt", c.relation("pt2").partitionOf);
    assertEquals(List.of("pt2"), c.relation("child").inherits);
    assertEquals(3, c.descendants("pt").size());
    assertEquals(List.of("pt1"), List.copyOf(c.relation("v").reads));
    assertTrue(c.relation("v").readColumns.contains("k"));
    assertEquals(Catalog.Kind.MATERIALIZED_VIEW, c.relation("mv").kind);
    assertEquals(List.of("a", "b", "c"), c.enums().get("mood"));
    assertTrue(c.domains().get("posint").hasChecks);
  }

  @Test
  void renamesAndDropsFollowThrough() {
    Catalog c = replay("""
        CREATE TABLE t (id int PRIMARY KEY, c int);
        CREATE INDEX t_c ON t (c);
        ALTER TABLE t RENAME COLUMN c TO d;
        ALTER TABLE t RENAME TO u;
        ALTER INDEX t_c RENAME TO u_d;
        """);
    assertNull(c.relation("t"));
    assertTrue(c.relation("u").columns.containsKey("d"));
    assertEquals("u", c.index("u_d").table);
    assertEquals(List.of("d"), c.index("u_d").columns);
    CatalogReplay.apply(c, "DROP TABLE u");
    assertNull(c.relation("u"));
    assertTrue(c.indexesOf("u").isEmpty());
  }

  @Test
  void doBlocksAreReadWhereStatic() {
    Catalog c = replay("""
        CREATE TABLE t (id int);
        DO $$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'c') THEN
            ALTER TABLE t ADD COLUMN c text;
          END IF;
          EXECUTE 'CREATE INDEX t_c ON t (c)';
        END $$;
        """);
    assertTrue(c.relation("t").columns.containsKey("c"));
    assertNotNull(c.index("t_c"));
  }

  @Test
  void oddSqlNeverThrows() {
    Catalog c = replay("ALTER TABLE", "CREATE TABLE (", "DROP", "CREATE INDEX ON", "ALTER TABLE missing ADD COLUMN x int");
    assertTrue(c.relations().isEmpty());
  }
}
