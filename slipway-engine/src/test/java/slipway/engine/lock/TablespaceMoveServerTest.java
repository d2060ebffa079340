package slipway.engine.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.CatalogReplay;
import slipway.core.lock.LockMode;
import slipway.core.lock.LockModel;
import slipway.core.lock.LockedRelation;
import slipway.core.lock.StatementFacts;
import slipway.engine.postgres.Identifiers;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;
import slipway.engine.trace.RelationLock;
import slipway.engine.trace.StatementTrace;
import slipway.engine.trace.Tracer;

/**
 * SET TABLESPACE to another tablespace copies the relation's files under ACCESS EXCLUSIVE (the table's, or
 * the index's): its file changes, and the lock is the one the model names. A tablespace is made for the
 * test in a fresh directory and dropped after it (tablespaces belong to the cluster, not the database). While
 * an index moves, reads and writes of its table wait (reindex-blocks-writes says so).
 */
@Tag("pg-behaviour")
@ExtendWith(PostgresExtension.class)
class TablespaceMoveServerTest {
  private static final String SETUP = "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)";

  private interface Body {
    void run(String tablespace) throws Exception;
  }

  private static void withTablespace(TestDatabase db, Body body) throws Exception {
    Path dir = Files.createTempDirectory("slipway-ts");
    String name = "slipway_ts_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    db.execute("CREATE TABLESPACE " + Identifiers.quote(name) + " LOCATION " + Identifiers.literal(dir.toString()));
    try {
      body.run(name);
    } finally {
      db.execute("DROP TABLE IF EXISTS t");
      db.execute("DROP TABLESPACE " + Identifiers.quote(name));
      Files.deleteIfExists(dir);
    }
  }

  private static Map<String, LockMode> serverLocks(TestDatabase db, String sql) throws Exception {
    StatementTrace seen = Tracer.trace(db.url(), "", sql).only();
    assertTrue(seen.wasRun(), sql + " was not run: " + seen.skipped());
    Map<String, LockMode> held = new LinkedHashMap<>();
    for (RelationLock l : seen.locks()) held.put(l.relation(), l.mode());
    return held;
  }

  private static StatementFacts model(String sql, int major) {
    Catalog schema = new Catalog();
    CatalogReplay.applyScript(schema, SETUP);
    schema.beginMigration();
    return LockModel.classify(sql, schema, major);
  }

  private static Map<String, LockMode> modelLocks(StatementFacts f) {
    Map<String, LockMode> out = new LinkedHashMap<>();
    for (LockedRelation l : f.locks()) out.put(l.relation(), l.mode());
    return out;
  }

  /** Runs the move on a table with rows (traced): the relation's file is copied; the server's locks. */
  private static Map<String, LockMode> moveCopies(TestDatabase db, String sql, String relation) throws Exception {
    db.execute(SETUP + "; INSERT INTO t SELECT g, g FROM generate_series(1, 1000) g");
    String filenode = "SELECT pg_relation_filenode(" + Identifiers.literal(relation) + ")";
    String before = db.value(filenode);
    Map<String, LockMode> held = serverLocks(db, sql);
    assertNotEquals(before, db.value(filenode), relation + "'s file is copied by " + sql);
    return held;
  }

  @Test
  void movingATableCopiesItUnderAccessExclusive(TestDatabase db) throws Exception {
    withTablespace(db, ts -> {
      String sql = "ALTER TABLE t SET TABLESPACE " + Identifiers.quote(ts);
      Map<String, LockMode> held = moveCopies(db, sql, "t");
      StatementFacts f = model(sql, db.major());
      assertTrue(f.rewrite(), "the model says the table is written anew: " + f);
      assertEquals(held.get("t"), modelLocks(f).get("t"), "lock on t, server " + held + ", model " + f.locks());
    });
  }

  @Test
  void movingAnIndexCopiesItUnderAccessExclusive(TestDatabase db) throws Exception {
    withTablespace(db, ts -> {
      String sql = "ALTER INDEX t_c SET TABLESPACE " + Identifiers.quote(ts);
      Map<String, LockMode> held = moveCopies(db, sql, "t_c");
      assertEquals(held, modelLocks(model(sql, db.major())), "locks, server against model");
      // While the move holds its lock, a read and a write of the table wait (they plan with the index).
      try (java.sql.Connection mover = db.connect(); java.sql.Connection app = db.connect()) {
        mover.setAutoCommit(false);
        String back = "ALTER INDEX t_c SET TABLESPACE pg_default";
        try (java.sql.Statement m = mover.createStatement()) {
          m.execute(back);
          try (java.sql.Statement q = app.createStatement()) {
            q.execute("SET lock_timeout = '200ms'");
            for (String query : List.of("SELECT count(*) FROM t WHERE id = 1", "INSERT INTO t VALUES (5000, 1)")) {
              java.sql.SQLException e = assertThrows(java.sql.SQLException.class, () -> q.execute(query), query);
              assertEquals("55P03", e.getSQLState(), query + " should wait for the moved index's lock");
            }
          }
        } finally {
          mover.rollback();
        }
      }
    });
  }
}
