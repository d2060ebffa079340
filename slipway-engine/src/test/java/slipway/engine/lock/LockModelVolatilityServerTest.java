package slipway.engine.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import slipway.core.sql.Volatilities;
import slipway.core.sql.syntax.Volatility;
import slipway.engine.postgres.Identifiers;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/**
 * The one table of function volatilities ({@link Volatilities}: the parser's and the lock model's) is
 * pg_proc's, and the lock model's verdict on ADD COLUMN … DEFAULT f() (a rewrite exactly when f is volatile)
 * is what the server does to the table's file.
 */
@Tag("pg-behaviour")
@ExtendWith(PostgresExtension.class)
class LockModelVolatilityServerTest {
  private static void extensions(TestDatabase db) throws Exception {
    db.execute("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"; CREATE EXTENSION IF NOT EXISTS pgcrypto");
  }

  /** Names in the table that are key words or syntax, not rows of pg_proc (by major where it matters). */
  private static Set<String> notInPgProc(int major) {
    Set<String> words = new TreeSet<>(List.of("current_timestamp", "current_date", "current_time", "localtime",
        "localtimestamp", "user", "current_role", "current_catalog", "cast", "row", "array", "coalesce", "nullif",
        "greatest", "least", "trim"));
    if (major < 18) words.addAll(List.of("uuidv4", "uuidv7"));
    if (major < 17) words.add("uuid_extract_timestamp");
    if (major < 16) words.addAll(List.of("random_normal", "system_user"));
    if (major < 14) words.add("extract");
    return words;
  }

  /**
   * Names whose overloads differ and that the table lists by the one migrations call: timezone(text,
   * timestamptz) is immutable, timezone(text, timetz) volatile on older majors.
   */
  private static final Set<String> MIXED = Set.of("timezone");

  @Test
  void theVolatilityTableIsPgProcs(TestDatabase db) throws Exception {
    extensions(db);
    Set<String> missing = new TreeSet<>();
    for (Map.Entry<String, Volatility> e : new TreeMap<>(Volatilities.table()).entrySet()) {
      List<String> kinds = db.column("SELECT DISTINCT provolatile::text FROM pg_proc WHERE proname = "
          + Identifiers.literal(e.getKey()));
      if (kinds.isEmpty()) {
        missing.add(e.getKey());
      } else if (e.getValue() == Volatility.VOLATILE) {
        // Surely volatile: every overload (the lock model then says ADD COLUMN … DEFAULT rewrites).
        assertEquals(List.of("v"), kinds, e.getKey() + " on PostgreSQL " + db.major());
      } else if (!MIXED.contains(e.getKey())) {
        // Stable or immutable: no overload volatile (a DEFAULT calling it is evaluated once).
        assertFalse(kinds.contains("v"), e.getKey() + " is " + e.getValue() + " in the table, but pg_proc says "
            + kinds + " on PostgreSQL " + db.major());
      }
    }
    assertEquals(notInPgProc(db.major()), missing, "names of the table pg_proc lacks on PostgreSQL " + db.major());
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
