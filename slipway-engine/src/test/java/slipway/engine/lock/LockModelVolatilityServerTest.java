package slipway.engine.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.CatalogReplay;
import slipway.core.lock.LockModel;
import slipway.core.lock.StatementFacts;
import slipway.engine.postgres.Identifiers;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/**
 * The lock model's list of volatile functions is pg_proc's, and its verdict on ADD COLUMN … DEFAULT f()
 * (a rewrite exactly when f is volatile) is what the server does to the table's file.
 */
@Tag("pg-behaviour")
@ExtendWith(PostgresExtension.class)
class LockModelVolatilityServerTest {
  private static void extensions(TestDatabase db) throws Exception {
    db.execute("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"; CREATE EXTENSION IF NOT EXISTS pgcrypto");
  }

  @Test
  void everyFunctionTheModelCallsVolatileIsVolatileOnTheServer(TestDatabase db) throws Exception {
    extensions(db);
    List<String> missing = new ArrayList<>();
    for (String fn : new TreeSet<>(LockModel.volatileFunctions())) {
      List<String> kinds = db.column("SELECT DISTINCT provolatile::text FROM pg_proc WHERE proname = "
          + Identifiers.literal(fn));
      if (kinds.isEmpty()) {
        missing.add(fn);
        continue;
      }
      assertEquals(List.of("v"), kinds, fn + " on PostgreSQL " + db.major());
    }
    // Only the functions newer than this major may be missing.
    TreeSet<String> newer = new TreeSet<>();
    if (db.major() < 18) newer.addAll(List.of("uuidv4", "uuidv7"));
    if (db.major() < 16) newer.add("random_normal");
    assertEquals(List.copyOf(newer), missing, "functions the model names that PostgreSQL " + db.major() + " lacks");
  }

  @ParameterizedTest(name = "DEFAULT {0}: rewrite {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      gen_random_uuid()                          | true
      uuid_generate_v4()                         | true
      clock_timestamp()                          | true
      crypt('secret', gen_salt('bf'))            | true
      now()                                      | false
      statement_timestamp()                      | false
      uuid_generate_v5(uuid_ns_url(), 'x')       | false
      uuid_generate_v3(uuid_ns_dns(), 'x')       | false
      crypt('secret', '$1$abcdefgh')             | false
      md5('x')                                   | false
      txid_current()::text                       | false
      """)
  void addColumnWithADefaultRewritesExactlyWhenTheModelSays(String expr, boolean rewrites, TestDatabase db)
      throws Exception {
    extensions(db);
    db.execute("CREATE TABLE t (id int); INSERT INTO t SELECT generate_series(1, 10)");
    String sql = "ALTER TABLE t ADD COLUMN c text DEFAULT " + expr;
    Catalog schema = new Catalog();
    CatalogReplay.apply(schema, "CREATE TABLE t (id int)");
    schema.beginMigration();
    StatementFacts facts = LockModel.classify(sql, schema, db.major());
    String before = db.value("SELECT pg_relation_filenode('t')");
    db.execute(sql);
    String after = db.value("SELECT pg_relation_filenode('t')");
    assertEquals(rewrites, facts.rewrite(), "the model on " + sql);
    if (rewrites) {
      assertNotEquals(before, after, "the server rewrote t for " + sql);
    } else {
      assertEquals(before, after, "the server kept t's file for " + sql);
    }
    assertTrue(db.value("SELECT count(*) FROM t WHERE c IS NOT NULL").equals("10"));
  }
}
