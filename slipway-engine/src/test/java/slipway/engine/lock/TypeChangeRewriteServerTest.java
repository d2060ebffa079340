package slipway.engine.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.CatalogReplay;
import slipway.core.lock.LockModel;
import slipway.core.lock.StatementFacts;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/**
 * ALTER COLUMN … TYPE: the lock model says "rewrite" exactly when the server writes the table anew (its
 * file changes), over the type changes the model treats as binary-coercible and their near misses. The
 * session time zone is UTC, as the model assumes (the alter-column-type rule says what changes otherwise).
 */
@Tag("pg-behaviour")
@ExtendWith(PostgresExtension.class)
class TypeChangeRewriteServerTest {
  @ParameterizedTest(name = "{0} to {1}: rewrite {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      varchar(20)    | varchar(40)    | 'ab'                | false
      varchar(40)    | varchar(20)    | 'ab'                | true
      varchar(20)    | text           | 'ab'                | false
      varchar(20)    | varchar        | 'ab'                | false
      text           | varchar        | 'ab'                | false
      text           | varchar(10)    | 'ab'                | true
      varchar        | varchar(10)    | 'ab'                | true
      character(1)   | text           | 'a'                 | true
      numeric(10,2)  | numeric(12,2)  | 1.5                 | false
      numeric(10,2)  | numeric(12,3)  | 1.5                 | true
      numeric(10,2)  | numeric        | 1.5                 | false
      numeric        | numeric(10,2)  | 1.5                 | true
      integer        | bigint         | 1                   | true
      int4           | integer        | 1                   | false
      smallint       | integer        | 1                   | true
      cidr           | inet           | '10.0.0.0/8'        | false
      xml            | text           | '<a/>'              | false
      varbit(4)      | varbit(8)      | B'1010'             | false
      timestamp(3)   | timestamp(6)   | now()               | false
      timestamp(6)   | timestamp(3)   | now()               | true
      time(3)        | time(6)        | now()               | false
      timestamp      | timestamptz    | now()               | false
      timestamptz    | timestamp      | now()               | false
      timestamptz(6) | timestamptz(3) | now()               | true
      interval       | interval(3)    | interval '1 day'    | true
      text           | jsonb USING c::jsonb | '{}'          | true
      varchar(20)    | varchar(40) USING c | 'ab'           | false
      json           | jsonb          | '{}'                | true
      uuid           | text           | gen_random_uuid()   | true
      """)
  void theModelSaysRewriteExactlyWhenTheServerRewrites(String from, String to, String value, boolean rewrites,
      TestDatabase db) throws Exception {
    String setup = "CREATE TABLE t (id int PRIMARY KEY, c " + from + ")";
    db.execute(setup + "; INSERT INTO t SELECT g, " + value + " FROM generate_series(1, 10) g");
    String sql = "ALTER TABLE t ALTER COLUMN c TYPE " + to;
    Catalog schema = new Catalog();
    CatalogReplay.apply(schema, setup);
    schema.beginMigration();
    StatementFacts facts = LockModel.classify(sql, schema, db.major());
    String before = db.value("SELECT pg_relation_filenode('t')");
    db.execute("SET TimeZone = 'UTC'; " + sql);
    String after = db.value("SELECT pg_relation_filenode('t')");
    assertEquals(rewrites, !before.equals(after), "the server on " + sql + " (PostgreSQL " + db.major() + ")");
    assertEquals(rewrites, facts.rewrite(), "the model on " + sql + " (PostgreSQL " + db.major() + ")");
  }

  /** What alter-column-type-rewrites-table says on top of the model: outside UTC these rewrite. */
  @ParameterizedTest(name = "{0} to {1} outside UTC rewrites")
  @CsvSource(delimiter = '|', textBlock = """
      timestamp   | timestamptz
      timestamptz | timestamp
      """)
  void timestampTimeZoneChangesRewriteOutsideUtc(String from, String to, TestDatabase db) throws Exception {
    db.execute("CREATE TABLE t (id int PRIMARY KEY, c " + from + "); INSERT INTO t SELECT g, now() FROM generate_series(1, 10) g");
    String before = db.value("SELECT pg_relation_filenode('t')");
    db.execute("SET TimeZone = 'America/New_York'; ALTER TABLE t ALTER COLUMN c TYPE " + to);
    assertEquals(false, before.equals(db.value("SELECT pg_relation_filenode('t')")), from + " to " + to);
  }
}
