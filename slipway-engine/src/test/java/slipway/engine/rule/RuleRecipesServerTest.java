package slipway.engine.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import slipway.core.rule.Finding;
import slipway.core.rule.LintConfig;
import slipway.core.rule.Linter;
import slipway.core.rule.Rules;
import slipway.core.rule.Stats;
import slipway.core.sql.Splitter;
import slipway.core.sql.SqlStatement;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/**
 * The rules that promise "this scans, that does not" against the real server: the flagged statement
 * reads every row of the table (a sequential scan counted in pg_stat_xact_user_tables), and the rule's
 * own safe alternative, run statement by statement, scans only in VALIDATE CONSTRAINT (which does not
 * block reads or writes) and ends with the same result.
 */
@Tag("pg-behaviour")
@ExtendWith(PostgresExtension.class)
class RuleRecipesServerTest {

  @Test void attachRangePartition(TestDatabase db) throws Exception {
    String given = "CREATE TABLE events (id bigint, created_at timestamptz) PARTITION BY RANGE (created_at);\n"
        + "CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');\n"
        + "CREATE TABLE events_2024 (id bigint, created_at timestamptz);\n";
    String rows = "INSERT INTO events_2024 SELECT g, timestamptz '2024-01-01' + g * interval '1 minute' FROM generate_series(1, 2000) g";
    prove(db, "attach-partition-scans-table", given, rows,
        "ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
        "events_2024", "SELECT relispartition FROM pg_class WHERE relname = 'events_2024'");
  }

  @Test void attachListPartitionOfAnOldTable(TestDatabase db) throws Exception {
    String given = "CREATE TABLE orders (id bigint, region text);\n"
        + "CREATE TABLE orders_p (id bigint, region text) PARTITION BY LIST (region);\n";
    String rows = "INSERT INTO orders SELECT g, CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END FROM generate_series(1, 2000) g";
    prove(db, "attach-partition-scans-table", given, rows,
        "ALTER TABLE orders_p ATTACH PARTITION orders FOR VALUES IN ('eu', 'us')",
        "orders", "SELECT relispartition FROM pg_class WHERE relname = 'orders'");
  }

  @Test void attachHashPartition(TestDatabase db) throws Exception {
    String given = "CREATE TABLE accounts (id bigint, tenant int) PARTITION BY HASH (tenant);\n"
        + "CREATE TABLE accounts_0 (id bigint, tenant int);\n";
    String rows = "INSERT INTO accounts_0 SELECT g, g FROM generate_series(1, 4000) g "
        + "WHERE satisfies_hash_partition('accounts'::regclass, 4, 0, g)";
    prove(db, "attach-partition-scans-table", given, rows,
        "ALTER TABLE accounts ATTACH PARTITION accounts_0 FOR VALUES WITH (MODULUS 4, REMAINDER 0)",
        "accounts_0", "SELECT relispartition FROM pg_class WHERE relname = 'accounts_0'");
  }

  @Test void attachDefaultPartitionNextToTwoOthers(TestDatabase db) throws Exception {
    String given = "CREATE TABLE m (id bigint, k int) PARTITION BY RANGE (k);\n"
        + "CREATE TABLE m1 PARTITION OF m FOR VALUES FROM (0) TO (10);\n"
        + "CREATE TABLE m2 PARTITION OF m FOR VALUES FROM (10) TO (20);\n"
        + "CREATE TABLE m_rest (id bigint, k int);\n";
    String rows = "INSERT INTO m_rest SELECT g, 100 + g FROM generate_series(1, 2000) g";
    prove(db, "attach-partition-scans-table", given, rows, "ALTER TABLE m ATTACH PARTITION m_rest DEFAULT",
        "m_rest", "SELECT relispartition FROM pg_class WHERE relname = 'm_rest'");
  }

  @Test void attachDefaultListPartition(TestDatabase db) throws Exception {
    String given = "CREATE TABLE orders (id bigint, region text) PARTITION BY LIST (region);\n"
        + "CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('de', 'fr');\n"
        + "CREATE TABLE orders_us PARTITION OF orders FOR VALUES IN ('us');\n"
        + "CREATE TABLE orders_other (id bigint, region text);\n";
    String rows = "INSERT INTO orders_other SELECT g, 'jp' FROM generate_series(1, 2000) g";
    prove(db, "attach-partition-scans-table", given, rows, "ALTER TABLE orders ATTACH PARTITION orders_other DEFAULT",
        "orders_other", "SELECT relispartition FROM pg_class WHERE relname = 'orders_other'");
  }

  @Test void attachNextToADefaultPartition(TestDatabase db) throws Exception {
    String given = "CREATE TABLE events (id bigint, created_at date) PARTITION BY RANGE (created_at);\n"
        + "CREATE TABLE events_default PARTITION OF events DEFAULT;\n"
        + "CREATE TABLE events_2024 (id bigint, created_at date NOT NULL CHECK (created_at >= '2024-01-01' AND created_at < '2025-01-01'));\n";
    String rows = "INSERT INTO events SELECT g, date '2020-01-01' + g FROM generate_series(1, 300) g";
    prove(db, "attach-partition-scans-table", given, rows,
        "ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
        "events_default", "SELECT relispartition FROM pg_class WHERE relname = 'events_2024'");
  }

  @Test void createPartitionNextToADefaultPartition(TestDatabase db) throws Exception {
    String given = "CREATE TABLE events (id bigint, created_at date) PARTITION BY RANGE (created_at);\n"
        + "CREATE TABLE events_default PARTITION OF events DEFAULT;\n";
    String rows = "INSERT INTO events SELECT g, date '2020-01-01' + g FROM generate_series(1, 2000) g";
    prove(db, "create-partition-scans-default", given, rows,
        "CREATE TABLE events_2030 PARTITION OF events FOR VALUES FROM ('2030-01-01') TO ('2031-01-01')",
        "events_default", "SELECT relispartition FROM pg_class WHERE relname = 'events_2030'");
  }

  @Test void createListPartitionNextToADefaultPartition(TestDatabase db) throws Exception {
    String given = "CREATE TABLE orders (id bigint, region text) PARTITION BY LIST (region);\n"
        + "CREATE TABLE orders_other PARTITION OF orders DEFAULT;\n";
    String rows = "INSERT INTO orders SELECT g, 'de' FROM generate_series(1, 2000) g";
    prove(db, "create-partition-scans-default", given, rows,
        "CREATE TABLE orders_asia PARTITION OF orders FOR VALUES IN ('jp', 'kr')",
        "orders_other", "SELECT relispartition FROM pg_class WHERE relname = 'orders_asia'");
  }

  @Test void primaryKeyUsingIndexOnANullableColumn(TestDatabase db) throws Exception {
    String given = "CREATE TABLE orders (id bigint, number text);\n"
        + "CREATE UNIQUE INDEX CONCURRENTLY orders_id_idx ON orders (id);\n";
    String rows = "INSERT INTO orders SELECT g, 'n' || g FROM generate_series(1, 2000) g";
    prove(db, "primary-key-sets-not-null", given, rows,
        "ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx",
        "orders", "SELECT count(*) = 1 FROM pg_constraint WHERE conname = 'orders_pkey' AND contype = 'p'");
  }

  @Test void primaryKeyOnNullableColumns(TestDatabase db) throws Exception {
    String given = "CREATE TABLE orders (id bigint, number text);\n";
    String rows = "INSERT INTO orders SELECT g, 'n' || g FROM generate_series(1, 2000) g";
    prove(db, "primary-key-sets-not-null", given, rows, "ALTER TABLE orders ADD PRIMARY KEY (id, number)",
        "orders", "SELECT count(*) = 1 FROM pg_constraint WHERE conname = 'orders_pkey' AND contype = 'p'");
  }

  static final String SHOP = "CREATE TABLE customers (id bigint PRIMARY KEY, email text);\n"
      + "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), number text, legacy_code text);\n"
      + "CREATE UNIQUE INDEX orders_number_idx ON orders (number);\n"
      + "ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE USING INDEX orders_number_idx;\n"
      + "CREATE VIEW order_summaries AS SELECT o.id, o.legacy_code FROM orders o;\n"
      + "CREATE TABLE measurements (id bigint);\n"
      + "CREATE TABLE measurements_2020 () INHERITS (measurements);\n";

  @Test void dropsThatFailOnDependents(TestDatabase db) throws Exception {
    for (String flagged : List.of("DROP TABLE customers", "DROP TABLE orders", "ALTER TABLE orders DROP COLUMN legacy_code",
        "ALTER TABLE customers DROP COLUMN id", "ALTER TABLE customers DROP CONSTRAINT customers_pkey",
        "DROP INDEX orders_number_key", "DROP INDEX orders_number_key CASCADE", "DROP TABLE measurements")) {
      List<Finding> found = lint(db, "drop-fails-on-dependents", SHOP, flagged + ";");
      assertEquals(1, found.size(), flagged + ": " + found);
      reset(db, SHOP, "SELECT 1");
      String error = null;
      try {
        db.execute(flagged);
      } catch (java.sql.SQLException e) {
        error = e.getSQLState();
      }
      assertEquals("2BP01", error, flagged + " should fail with dependent_objects_still_exist on PostgreSQL " + db.major());
      reset(db, SHOP, "SELECT 1");
      for (SqlStatement st : Splitter.split("instead.sql", found.get(0).instead())) db.execute(st.text());
    }
  }

  @Test void addColumnReferencesIsFlaggedOnlyWhenItChecksRows(TestDatabase db) throws Exception {
    String given = "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY);\n";
    String rows = "INSERT INTO customers SELECT generate_series(1, 100); INSERT INTO orders SELECT generate_series(1, 100)";
    for (String[] c : new String[][] {
        {"ALTER TABLE orders ADD COLUMN buyer_id bigint REFERENCES customers (id)", "false"},
        {"ALTER TABLE orders ADD COLUMN buyer_id bigint DEFAULT NULL REFERENCES customers (id)", "true"},
        {"ALTER TABLE orders ADD COLUMN buyer_id bigint DEFAULT 1 REFERENCES customers (id)", "true"}}) {
      String sql = c[0];
      boolean checksRows = Boolean.parseBoolean(c[1]);
      List<Finding> found = lint(db, "add-foreign-key-blocks-writes", given, sql + ";");
      reset(db, given, rows);
      long scanned = scans(db, sql, "orders");
      assertEquals(checksRows, scanned > 0, sql + ": scans orders on PostgreSQL " + db.major());
      assertEquals(checksRows ? 1 : 0, found.size(), sql + ": " + found);
    }
  }

  @Test void concurrentIndexIfNotExistsKeepsAnInvalidLeftover(TestDatabase db) throws Exception {
    String given = "CREATE TABLE orders (id bigint PRIMARY KEY, number text);\n";
    String flagged = "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_number_key ON orders (number)";
    List<Finding> found = lint(db, "concurrent-index-if-not-exists", given, flagged + ";");
    assertEquals(1, found.size(), "findings: " + found);
    String valid = "SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_number_key'::regclass";
    // A first attempt fails on duplicates and leaves the index behind, INVALID.
    reset(db, given, "INSERT INTO orders VALUES (1, 'A-1'), (2, 'A-1')");
    String error = null;
    try {
      db.execute(flagged);
    } catch (java.sql.SQLException e) {
      error = e.getSQLState();
    }
    assertEquals("23505", error, "the first build fails on the duplicates");
    assertEquals("f", db.value(valid));
    // The duplicates fixed, the migration runs again: IF NOT EXISTS skips, and the index stays invalid.
    db.execute("UPDATE orders SET number = 'A-2' WHERE id = 2");
    db.execute(flagged);
    assertEquals("f", db.value(valid), "IF NOT EXISTS kept the INVALID index on PostgreSQL " + db.major());
    // The finding's alternative drops the leftover and builds a valid index.
    for (SqlStatement st : Splitter.split("instead.sql", found.get(0).instead())) db.execute(st.text());
    assertEquals("t", db.value(valid), "the alternative ends with a valid index:\n" + found.get(0).instead());
  }

  @Test void setNotNullOnAColumnJustAddedWithoutADefaultFails(TestDatabase db) throws Exception {
    String given = "CREATE TABLE orders (id bigint PRIMARY KEY);\n";
    String migration = "ALTER TABLE orders ADD COLUMN channel text;\nALTER TABLE orders ALTER COLUMN channel SET NOT NULL;\n";
    List<Finding> found = lint(db, "set-not-null-scans-table", given, migration);
    assertEquals(1, found.size(), "findings: " + found);
    assertTrue(found.get(0).message().startsWith("fails unless \"orders\" is empty"), found.get(0).message());
    // With rows: not_null_violation. Empty: it passes, as the message says.
    reset(db, given, "INSERT INTO orders SELECT generate_series(1, 10)");
    String error = null;
    try {
      db.inRolledBackTransaction(migration.split("\n"));
    } catch (java.sql.SQLException e) {
      error = e.getSQLState();
    }
    assertEquals("23502", error, "SET NOT NULL after ADD COLUMN without a default on PostgreSQL " + db.major());
    reset(db, given, "SELECT 1");
    db.inRolledBackTransaction(migration.split("\n"));
  }

  /**
   * Lints {@code flagged} after {@code given}; runs it on the server (it scans {@code table}); then, on a
   * fresh schema, runs the finding's alternative: only VALIDATE and CREATE INDEX CONCURRENTLY may scan, and
   * {@code done} is true afterwards.
   */
  private static void prove(TestDatabase db, String ruleId, String given, String rows, String flagged, String table,
      String done) throws Exception {
    List<Finding> found = lint(db, ruleId, given, flagged + ";");
    assertEquals(1, found.size(), "findings: " + found);
    String instead = found.get(0).instead();
    assertNotNull(instead);
    assertTrue(!instead.contains("/*"), "the alternative is complete SQL: " + instead);

    reset(db, given, rows);
    assertTrue(scans(db, flagged, table) > 0, flagged + " should scan " + table + " on PostgreSQL " + db.major());

    reset(db, given, rows);
    List<String> scanned = new ArrayList<>();
    for (SqlStatement s : Splitter.split("instead.sql", instead)) {
      String sql = s.text();
      long n = scans(db, sql, table);
      String upper = sql.toUpperCase(java.util.Locale.ROOT);
      if (n > 0 && !upper.contains("VALIDATE CONSTRAINT") && !upper.contains("CONCURRENTLY")) scanned.add(sql);
    }
    assertEquals(List.of(), scanned, "statements of the alternative that scan " + table + " on PostgreSQL "
        + db.major() + ":\n" + instead);
    assertEquals("t", db.value(done), "the alternative did not finish the job:\n" + instead);
  }

  /** One rule's findings on {@code migration}, after {@code given} (an earlier migration), for the server's major. */
  private static List<Finding> lint(TestDatabase db, String ruleId, String given, String migration) {
    return new Linter(List.of(Rules.byId(ruleId)), LintConfig.DEFAULT.withPgVersion(db.major()), Stats.NONE)
        .lint(List.of(new Linter.SourceFile("V1__given.sql", given)), List.of(new Linter.SourceFile("V2__m.sql", migration)))
        .get(0).findings();
  }

  private static void reset(TestDatabase db, String given, String rows) throws Exception {
    db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    for (SqlStatement s : Splitter.split("given.sql", given)) db.execute(s.text());
    db.execute(rows);
  }

  /** Sequential scans of {@code table} by {@code sql}, run in a transaction of its own (or alone when it must). */
  private static long scans(TestDatabase db, String sql, String table) throws Exception {
    try (Connection c = db.connect()) {
      boolean tx = !sql.toUpperCase(java.util.Locale.ROOT).contains("CONCURRENTLY");
      if (!tx) {
        try (var s = c.createStatement()) {
          s.execute(sql);
        }
        return 0;
      }
      c.setAutoCommit(false);
      long before = count(c, table);
      try (var s = c.createStatement()) {
        s.execute(sql);
      }
      long after = count(c, table);
      c.commit();
      return after - before;
    }
  }

  private static long count(Connection c, String table) throws Exception {
    try (var s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT coalesce(sum(seq_scan), 0) FROM pg_stat_xact_user_tables WHERE relid = '" + table + "'::regclass")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
