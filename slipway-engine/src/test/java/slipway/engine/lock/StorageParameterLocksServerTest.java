package slipway.engine.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.CatalogReplay;
import slipway.core.lock.LockMode;
import slipway.core.lock.LockModel;
import slipway.core.lock.LockedRelation;
import slipway.core.lock.StatementFacts;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;
import slipway.engine.trace.RelationLock;
import slipway.engine.trace.StatementTrace;
import slipway.engine.trace.Tracer;

/**
 * ALTER TABLE … SET / RESET (storage parameter): the lock the model says each parameter takes on the table
 * is the one the server takes (pg_locks, through the tracer). Most take SHARE UPDATE EXCLUSIVE (reads and
 * writes go on); the others, e.g. user_catalog_table, ACCESS EXCLUSIVE.
 */
@Tag("pg-behaviour")
@ExtendWith(PostgresExtension.class)
class StorageParameterLocksServerTest {
  @ParameterizedTest(name = "{0} (PostgreSQL {1}+)")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      SET (fillfactor = 70)                                 | 13
      SET (toast_tuple_target = 256)                        | 13
      SET (parallel_workers = 2)                            | 13
      SET (vacuum_index_cleanup = false)                    | 13
      SET (vacuum_truncate = false)                         | 13
      SET (log_autovacuum_min_duration = 100)               | 13
      SET (autovacuum_enabled = false)                      | 13
      SET (autovacuum_vacuum_threshold = 100, autovacuum_analyze_scale_factor = 0.2) | 13
      SET (autovacuum_vacuum_insert_threshold = 100)        | 13
      SET (toast.autovacuum_enabled = false)                | 13
      SET (toast.vacuum_truncate = false)                   | 13
      RESET (fillfactor, autovacuum_enabled)                | 13
      SET (user_catalog_table = true)                       | 13
      SET (fillfactor = 70, user_catalog_table = true)      | 13
      """)
  void theModelsLockIsTheServers(String action, int since, TestDatabase db) throws Exception {
    assumeTrue(db.major() >= since);
    String setup = "CREATE TABLE t (id int PRIMARY KEY, body text)";
    String sql = "ALTER TABLE t " + action;
    StatementTrace seen = Tracer.trace(db.url(), setup, sql).only();
    assertTrue(seen.wasRun(), sql + " was not run: " + seen.skipped());
    LockMode onServer = null;
    for (RelationLock l : seen.locks()) {
      if (l.isOn("t")) onServer = l.mode();
    }
    Catalog schema = new Catalog();
    CatalogReplay.apply(schema, setup);
    schema.beginMigration();
    StatementFacts facts = LockModel.classify(sql, schema, db.major());
    LockMode modelled = null;
    for (LockedRelation l : facts.locks()) {
      if (l.relation().equals("t")) modelled = l.mode();
    }
    assertEquals(onServer, modelled, sql + " on PostgreSQL " + db.major() + " (server locks " + seen.locks() + ")");
  }
}
