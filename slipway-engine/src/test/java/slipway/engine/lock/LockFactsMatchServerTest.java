package slipway.engine.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.CatalogReplay;
import slipway.core.lock.LockFacts.LockFact;
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
 * Every row of LockFacts, run on the real server: its example, after its setup, takes exactly the
 * listed mode on exactly the listed relations (pg_locks), rewrites a table exactly when the row says
 * so, and runs inside a transaction block exactly when the row says so; and the lock model picks the
 * row for its example. Runs on the default major and, via the pg-behaviour executions, on 14 (and on
 * 13–17 with {@code -Pall-majors}).
 */
@Tag("pg-behaviour")
@ExtendWith(PostgresExtension.class)
class LockFactsMatchServerTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("slipway.core.lock.LockFacts#all")
  void serverAgrees(LockFact fact, TestDatabase db) throws Exception {
    assumeTrue(fact.appliesTo(db.major()), () -> fact.id() + " holds on PostgreSQL " + fact.oldest() + "–"
        + fact.newest() + ", not " + db.major());
    StatementTrace seen;
    if (fact.transactional()) {
      seen = Tracer.trace(db.url(), fact.setup(), fact.example()).only();
    } else {
      // Statements outside a transaction are sampled while they run; a reader that holds a snapshot
      // for a moment makes them wait (CONCURRENTLY waits for older transactions) so they are seen.
      if (!fact.setup().isEmpty()) {
        db.execute(fact.setup());
      }
      Thread reader = holdSnapshot(db, fact.relations().get(0));
      seen = Tracer.trace(db.url(), "", fact.example()).only();
      reader.join();
    }
    assertTrue(seen.wasRun(), fact.id() + " was not run: " + seen.skipped());
    Map<String, LockMode> held = new LinkedHashMap<>();
    for (RelationLock l : seen.locks()) {
      held.put(l.relation(), l.mode());
    }
    assertEquals(fact.transactional(), seen.transactional(), fact.id() + ": transactional");
    if (fact.transactional()) {
      assertEquals(fact.locks(), held, fact.id() + ": locks on PostgreSQL " + db.major());
    } else {
      // Outside a transaction the locks are sampled from a second connection while the statement runs:
      // every sample must be one the row lists, no stronger than the row says.
      for (Map.Entry<String, LockMode> e : held.entrySet()) {
        assertTrue(fact.locks().containsKey(e.getKey()), fact.id() + ": unexpected lock on " + e.getKey() + " " + held);
        assertTrue(e.getValue().compareTo(fact.locks().get(e.getKey())) <= 0,
            fact.id() + ": " + e.getKey() + " held " + e.getValue() + ", the row says " + fact.locks().get(e.getKey()));
      }
      // The mode on the row's first relation is proven by making the statement wait for it: another
      // session holds ACCESS EXCLUSIVE there and pg_locks shows the statement's request, not yet granted.
      String first = fact.relations().get(0);
      LockMode requested = requestedMode(db, first, fact.example());
      LockMode strongest = held.get(first) == null ? requested : held.get(first).strongest(requested);
      assertEquals(fact.locks().get(first), strongest, fact.id() + ": mode on " + first + " (sampled " + held
          + ", requested " + requested + ")");
    }
    assertEquals(fact.rewrite(), seen.rewrite(), fact.id() + ": rewrite (rewritten: " + seen.rewritten() + ")");

    // The lock model picks this row for its example and claims the same locks.
    Catalog catalog = new Catalog();
    catalog.beginMigration();
    CatalogReplay.applyScript(catalog, fact.setup());
    catalog.beginMigration();
    StatementFacts model = LockModel.classify(fact.example(), catalog, db.major());
    assertTrue(model.facts().contains(fact.id()), fact.id() + ": the model picked " + model.facts());
    Map<String, LockMode> claimed = new LinkedHashMap<>();
    for (LockedRelation l : model.locks()) {
      claimed.put(l.relation(), l.mode());
    }
    assertEquals(fact.locks(), claimed, fact.id() + ": the model's locks");
    assertEquals(fact.rewrite(), model.rewrite(), fact.id() + ": the model's rewrite");
    assertEquals(fact.transactional(), model.transactional(), fact.id() + ": the model's transactional");
  }

  /**
   * The first lock mode {@code sql} requests on {@code relation}: another session holds ACCESS
   * EXCLUSIVE on it, so the request waits and pg_locks shows it (granted = false).
   */
  private static LockMode requestedMode(TestDatabase db, String relation, String sql) throws Exception {
    try (Connection blocker = db.connect(); Connection worker = db.connect(); Connection monitor = db.connect()) {
      blocker.setAutoCommit(false);
      try (java.sql.Statement s = blocker.createStatement()) {
        s.execute("LOCK TABLE " + Identifiers.quote(relation) + " IN ACCESS EXCLUSIVE MODE");
      }
      int pid;
      try (java.sql.Statement s = worker.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        pid = rs.getInt(1);
      }
      Thread run = new Thread(() -> {
        try (java.sql.Statement s = worker.createStatement()) {
          s.execute(sql);
        } catch (java.sql.SQLException ignored) {
          // the outcome is not the point; the request is
        }
      });
      run.start();
      LockMode mode = null;
      try (java.sql.PreparedStatement q = monitor.prepareStatement(
          "SELECT mode FROM pg_locks WHERE pid = ? AND NOT granted AND locktype = 'relation' AND relation = ?::regclass")) {
        q.setInt(1, pid);
        q.setString(2, Identifiers.quote(relation));
        for (int i = 0; i < 500 && mode == null; i++) {
          try (java.sql.ResultSet rs = q.executeQuery()) {
            if (rs.next()) {
              mode = LockMode.fromPgName(rs.getString(1));
            }
          }
          if (mode == null) {
            Thread.sleep(10);
          }
        }
      }
      blocker.rollback();
      run.join(30_000);
      return mode;
    }
  }

  /** A reader that reads {@code table} in an open transaction for 800 ms; returns once it holds its lock. */
  private static Thread holdSnapshot(TestDatabase db, String table) throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    Thread t = new Thread(() -> {
      try (Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
        c.setAutoCommit(false);
        s.execute("SELECT count(*) FROM " + Identifiers.quote(table));
        holding.countDown();
        Thread.sleep(800);
        c.commit();
      } catch (Exception e) {
        holding.countDown();
      }
    });
    t.start();
    holding.await();
    return t;
  }
}
