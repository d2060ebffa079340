package slipway.core.lock;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.CatalogReplay;
import slipway.core.catalog.Tokens;
import slipway.core.sql.Splitter;
import slipway.core.sql.SqlStatement;

/**
 * The lock model classifies any text without an exception escaping its rules (checked without the
 * safety net that turns one into an "unrecognized" fact), against a catalog that already holds the
 * tables the text names, on the oldest and newest majors.
 */
class LockModelProperties {
  private static final String SCHEMA = """
      CREATE TABLE t (id bigint PRIMARY KEY, c int NOT NULL DEFAULT 0 CHECK (c > 0), e text, d int REFERENCES u (id));
      CREATE TABLE u (id bigint PRIMARY KEY);
      CREATE INDEX t_c ON t (c);
      CREATE TABLE p (id int) PARTITION BY RANGE (id);
      CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (1) TO (10);
      CREATE VIEW v AS SELECT id, c FROM t;
      CREATE TYPE e AS ENUM ('a');
      CREATE DOMAIN d AS int CHECK (VALUE > 0);
      CREATE SEQUENCE q OWNED BY t.id;
      """;

  @Provide
  Arbitrary<String> sqlish() {
    return Arbitraries.of(slipway.core.catalog.TokensProperties.FRAGMENTS).list().ofMaxSize(30)
        .map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void sqlishTextClassifies(@ForAll("sqlish") String sql) {
    classify(sql);
  }

  @Property(tries = 1000)
  void arbitraryStringsClassify(@ForAll String sql) {
    classify(sql);
  }

  @Property(tries = 500)
  void arbitraryBytesClassify(@ForAll byte[] bytes) {
    classify(new String(bytes, StandardCharsets.UTF_8));
  }

  @Property(tries = 30)
  void everyTruncationOfAMigrationClassifies(@ForAll("sqlish") String tail) {
    String script = """
        ALTER TABLE t ADD CONSTRAINT k FOREIGN KEY (e) REFERENCES u (id) NOT VALID, ALTER c TYPE bigint USING c::bigint;
        CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_e ON ONLY t USING btree (lower(e)) INCLUDE (c) WHERE c > 0;
        ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY;
        ALTER TABLE t ALTER COLUMN e SET DEFAULT nextval('q'), ALTER d TYPE d, ADD x int GENERATED ALWAYS AS (c * 2) STORED;
        DO $$ BEGIN IF true THEN EXECUTE 'ALTER TABLE t ADD f int'; END IF; END $$;
        """ + tail;
    for (int cut = 0; cut <= script.length(); cut++) {
      classify(script.substring(0, cut));
    }
  }

  private static void classify(String sql) {
    for (int major : new int[] {LockModel.OLDEST, LockModel.NEWEST}) {
      Catalog catalog = new Catalog();
      CatalogReplay.applyScript(catalog, SCHEMA);
      catalog.beginMigration();
      for (SqlStatement s : Splitter.split("f.sql", sql)) {
        Tokens t = Tokens.of(s.text(), s.tokens(), s.span().offset());
        assertNotNull(LockModel.classifyOrThrow(t, catalog, major).kind());
        CatalogReplay.applyTokens(catalog, t);
      }
      assertNotNull(LockModel.classifyOrThrow(Tokens.of(sql), catalog, major));
      assertNotNull(LockModel.classify(sql, catalog, major));
    }
  }
}
