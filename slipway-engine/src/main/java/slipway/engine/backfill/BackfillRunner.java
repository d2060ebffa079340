package slipway.engine.backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import slipway.core.BadInputException;
import slipway.engine.backfill.BackfillResult.BatchTiming;
import slipway.engine.backfill.BatchStatements.Range;
import slipway.engine.postgres.Identifiers;

/** Runs one backfill on one connection: validate, lock, then batch until done. */
final class BackfillRunner {
  private static final int KEEP_TIMINGS = 20;

  private final Backfill def;
  private final String name;
  private final BackfillStore store;
  private volatile boolean stop;

  private Connection c;
  private TargetTable table;
  private BatchStatements sql;
  private HealthCheck health;
  private BatchSizeController sizes;

  // This run's counters.
  private long runRows;
  private long runKeys;
  private long runBatches;
  private long startNanos;
  private long totalRowsBefore;
  private long keysDone;
  private long estimatedKeys;
  private int pass;
  private int rechecks;
  private long skippedOutstanding;
  private long lastProgress;
  private long lastRevisit;
  private long lastHealth;
  private long extraPauseMs;
  private String healthReason;
  private final List<BatchTiming> first = new ArrayList<>();
  private final Deque<BatchTiming> last = new ArrayDeque<>();

  BackfillRunner(Backfill def) {
    this.def = def;
    this.name = def.effectiveName();
    this.store = new BackfillStore(def.stateSchema);
  }

  void requestStop() {
    stop = true;
  }

  void validateOnly() {
    try (Connection conn = def.connector.connect()) {
      c = conn;
      prepare();
    } catch (SQLException e) {
      throw unreachable(e);
    }
  }

  BackfillResult run() {
    try (Connection conn = def.connector.connect()) {
      c = conn;
      prepare();
      store.ensure(c);
      acquireRunnerLock();
      try {
        return loop();
      } finally {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(" + BackfillStore.lockArgs() + ")")) {
          ps.setString(1, store.lockNamespace());
          ps.setString(2, name);
          ps.execute();
        } catch (SQLException ignored) {
          // The lock goes with the session anyway.
        }
      }
    } catch (SQLException e) {
      throw unreachable(e);
    }
  }

  private RuntimeException unreachable(SQLException e) {
    String state = e.getSQLState();
    if (state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000"))) {
      return new BadInputException("database", TargetTable.firstLine(e) + "; check the URL and credentials");
    }
    return new IllegalStateException("backfill " + name + ": " + TargetTable.firstLine(e), e);
  }

  // ---- validation -------------------------------------------------------------------------

  private void prepare() throws SQLException {
    if (name == null || name.isBlank()) {
      throw new BadInputException("--table", "no table given; name the table to backfill");
    }
    boolean hasSet = def.set != null && !def.set.isBlank();
    boolean hasTemplate = def.template != null && !def.template.isBlank();
    if (hasSet == hasTemplate) {
      throw new BadInputException("backfill " + name, hasSet
          ? "give either --set or --template, not both"
          : "nothing to do: give --set \"col = expr\" (or a --template with {range})");
    }
    if (!hasTemplate && (def.where == null || def.where.isBlank())) {
      throw new BadInputException("--where", "is required with --set: the predicate selects the rows still to do"
          + " (e.g. \"email_normalized IS NULL\") and proves the backfill finished");
    }
    try (Statement s = c.createStatement()) {
      s.execute("SET lock_timeout = " + Identifiers.literal(Math.max(1, def.lockTimeout.toMillis()) + "ms"));
      s.execute("SET plan_cache_mode = force_custom_plan");
    }
    table = TargetTable.resolve(c, def.table, def.key);
    String where = def.where == null || def.where.isBlank() ? null : def.where;
    sql = new BatchStatements(table, hasSet ? def.set : null, where, hasTemplate ? def.template : null);
    try (Statement s = c.createStatement()) {
      s.execute("DEALLOCATE ALL");
    }
    if (where != null) {
      prepareOrReject("slipway_verify", "", sql.verifySql(), "--where");
    }
    prepareOrReject("slipway_bound_first", sql.boundParamTypes(true), sql.boundSql(true), "--key");
    prepareOrReject("slipway_bound_next", sql.boundParamTypes(false), sql.boundSql(false), "--key");
    if (sql.templateMode()) {
      prepareOrReject("slipway_batch_first", sql.batchParamTypes(Range.FIRST), sql.templateSql(Range.FIRST), "--template");
      prepareOrReject("slipway_batch_next", sql.batchParamTypes(Range.NEXT), sql.templateSql(Range.NEXT), "--template");
    } else {
      for (Range r : Range.values()) {
        prepareOrReject("slipway_batch_" + r.name().toLowerCase(Locale.ROOT), sql.batchParamTypes(r),
            sql.setModeSql(r), "--set");
        prepareOrReject("slipway_left_" + r.name().toLowerCase(Locale.ROOT), sql.batchParamTypes(r),
            sql.leftoverSql(r), "--where");
      }
    }
    health = new HealthCheck(table.oid(), def.maxReplicationLag.toMillis() / 1000.0, def.maxLockWaiters, def.probe);
    health.validate(c);
  }

  private void prepareOrReject(String stmt, String types, String text, String option) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("PREPARE " + stmt + (types.isEmpty() ? "" : " (" + types + ")") + " AS " + text);
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.startsWith("08")) {
        throw e;
      }
      throw new BadInputException(option, TargetTable.firstLine(e)
          + "; fix the expression (checked with PREPARE on " + table.display() + ", no row was touched)");
    }
  }

  // ---- runner lock and state --------------------------------------------------------------

  private void acquireRunnerLock() throws SQLException {
    long deadline = System.nanoTime() + def.runnerWait.toNanos();
    while (true) {
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(" + BackfillStore.lockArgs() + ")")) {
        ps.setString(1, store.lockNamespace());
        ps.setString(2, name);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            return;
          }
        }
      }
      if (System.nanoTime() > deadline) {
        int pid = store.runnerPid(c, name);
        throw new BadInputException("backfill " + name, "is already being run by another session (pid " + pid
            + "); only one runner per backfill: wait for it, or stop it with slipway backfill pause/cancel");
      }
      sleep(200);
    }
  }

  private BackfillResult loop() throws SQLException {
    BackfillStore.Row row = store.load(c, name);
    if (row == null) {
      store.insert(c, name, table, sql.templateMode() ? null : def.set, sql.hasPredicate() ? def.where : null,
          sql.templateMode() ? def.template : null);
      row = store.load(c, name);
      say("backfill " + name + ": started on " + table.display() + ", key (" + String.join(", ", table.keyNames())
          + ") via " + table.keyIndex());
    } else {
      BackfillStore.checkSameDefinition(row, table, sql.templateMode() ? null : def.set,
          sql.hasPredicate() ? def.where : null, sql.templateMode() ? def.template : null);
      if (row.status().equals("finished")) {
        say("backfill " + name + ": already finished (" + row.rowsDone() + " rows); nothing to do");
        return result("finished", row.remaining());
      }
      if (row.status().equals("cancelled")) {
        throw new BadInputException("backfill " + name, "was cancelled; give another --name to start a new one");
      }
      if (row.status().equals("unverified")) {
        store.setStatus(c, name, "running", null, "unverified");
        store.startPass(c, name, row.pass() + 1);
        row = store.load(c, name);
      }
      say("backfill " + name + ": resuming on " + table.display() + " at pass " + row.pass()
          + (row.cursor() == null ? ", from the start" : ", after key (" + String.join(", ", row.cursor()) + ")")
          + ", " + row.rowsDone() + " rows done before");
    }
    totalRowsBefore = row.rowsDone();
    keysDone = row.keysDone();
    pass = row.pass();
    skippedOutstanding = row.skipped();
    List<String> cursor = row.cursor();
    String status = row.status();
    sizes = new BatchSizeController(def.targetBatch.toMillis(), def.minBatch, def.maxBatch,
        row.batchSize() != null ? row.batchSize() : def.initialBatch);
    estimatedKeys = estimateRows();
    startNanos = System.nanoTime();
    lastProgress = startNanos;
    lastRevisit = startNanos;

    while (true) {
      if (stop) {
        return stopped(cursor);
      }
      if (status.equals("paused")) {
        status = waitWhilePaused();
        continue;
      }
      if (status.equals("cancelled")) {
        say("backfill " + name + ": cancelled after " + (totalRowsBefore + runRows) + " rows");
        return result("cancelled", null);
      }
      status = throttle(status);
      if (!status.equals("running") || stop) {
        continue;
      }
      Bound bound = nextBound(cursor);
      if (bound == null) {
        // The pass reached the end of the key: retry skipped rows, then verify.
        if (!revisit(true)) {
          if (stop) {
            return stopped(cursor);
          }
          status = store.load(c, name).status();
          if (!status.equals("running")) {
            continue;
          }
          String msg = skippedOutstanding + " rows stayed locked by other transactions for "
              + def.lockedRowWait.toSeconds() + " s; run again to retry them";
          store.message(c, name, msg);
          say("backfill " + name + ": " + msg);
          return result("stopped", null);
        }
        if (!sql.hasPredicate()) {
          store.finish(c, name, "finished", null, "template backfill without a predicate: not verified");
          progress(true);
          say("backfill " + name + ": finished, " + (totalRowsBefore + runRows) + " rows (no --where to verify)");
          return result("finished", null);
        }
        say("backfill " + name + ": pass " + pass + " done; verifying that no row matches " + oneLine(def.where));
        long[] count = new long[1];
        String leftKeys = verify(count);
        long remaining = count[0];
        if (remaining == 0) {
          store.finish(c, name, "finished", 0L, "verified: no row matches the predicate");
          progress(true);
          say("backfill " + name + ": finished and verified, " + (totalRowsBefore + runRows) + " rows updated");
          return result("finished", 0L);
        }
        if (remaining <= BatchStatements.SKIPPED_KEYS_PER_BATCH && rechecks < def.maxPasses) {
          // A few rows: locked or changed by the application while their batch ran. Retry them by
          // key rather than walk the whole key again.
          rechecks++;
          say("backfill " + name + ": " + remaining + " rows still match (locked or changed by the application"
              + " while their batch ran); retrying them by key");
          store.setSkipped(c, name, leftKeys);
          skippedOutstanding = remaining;
          continue;
        }
        if (pass < def.maxPasses) {
          say("backfill " + name + ": " + remaining + " rows still match (changed by the application behind the"
              + " cursor?); starting pass " + (pass + 1));
          pass++;
          store.startPass(c, name, pass);
          cursor = null;
          keysDone = 0;
          continue;
        }
        String msg = remaining + " rows still match the predicate after " + pass + " passes";
        store.finish(c, name, "unverified", remaining, msg);
        say("backfill " + name + ": " + msg + "; does the application still write rows that match it?");
        return result("unverified", remaining);
      }
      Batch done = batch(bound.first ? Range.FIRST : Range.NEXT, cursor, bound);
      if (done == null) {
        continue; // rolled back (lock timeout): same range again, smaller
      }
      cursor = bound.hi;
      status = done.status;
      maybeRevisit();
      progress(false);
      long pauseMs = def.pause.toMillis() + extraPauseMs;
      if (pauseMs > 0 && !stop) {
        sleep(pauseMs);
      }
    }
  }

  private BackfillResult stopped(List<String> cursor) {
    say("backfill " + name + ": stopped after " + (totalRowsBefore + runRows) + " rows"
        + (cursor == null ? "" : ", at key (" + String.join(", ", cursor) + ")")
        + "; run it again to resume");
    return result("stopped", null);
  }

  private BackfillResult result(String status, Long remaining) {
    double seconds = startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
    return new BackfillResult(name, status, runRows, totalRowsBefore + runRows, runBatches, seconds, remaining,
        Math.max(pass, 1), first, new ArrayList<>(last));
  }

  // ---- batches ----------------------------------------------------------------------------

  private record Bound(boolean first, List<String> hi, long keys) {}

  private record Batch(long rows, long skipped, String status) {}

  private Bound nextBound(List<String> cursor) throws SQLException {
    boolean first = cursor == null;
    List<String> args = new ArrayList<>();
    if (!first) {
      for (String v : cursor) {
        args.add(Identifiers.literal(v));
      }
    }
    args.add(Integer.toString(sizes.size()));
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("EXECUTE " + (first ? "slipway_bound_first" : "slipway_bound_next")
             + " (" + String.join(", ", args) + ")")) {
      if (!rs.next()) {
        return null;
      }
      int m = table.key().size();
      List<String> hi = new ArrayList<>();
      for (int i = 1; i <= m; i++) {
        hi.add(rs.getString(i));
      }
      return new Bound(first, hi, rs.getLong(m + 1));
    }
  }

  private Batch batch(Range range, List<String> cursor, Bound bound) throws SQLException {
    List<String> args = new ArrayList<>();
    if (range == Range.NEXT) {
      cursor.forEach(v -> args.add(Identifiers.literal(v)));
    }
    bound.hi.forEach(v -> args.add(Identifiers.literal(v)));
    String argList = " (" + String.join(", ", args) + ")";
    String exec = "EXECUTE slipway_batch_" + range.name().toLowerCase(Locale.ROOT) + argList;
    long t0 = System.nanoTime();
    c.setAutoCommit(false);
    try {
      long rows;
      long skipped = 0;
      String skippedKeys = "[]";
      try (Statement s = c.createStatement()) {
        if (sql.templateMode()) {
          s.execute(exec);
          rows = Math.max(0, s.getUpdateCount());
        } else {
          try (ResultSet rs = s.executeQuery(exec)) {
            rs.next();
            rows = rs.getLong(1);
            stillMatching(rs.getLong(2), cursor, bound);
          }
          // Rows SKIP LOCKED passed over: only possible while another session holds row locks on
          // the table (it keeps its RowShareLock/RowExclusiveLock until it ends). One that ended
          // in between leaves its rows to the final verification and the next pass.
          if (othersMayHoldRowLocks()) {
            try (ResultSet rs = s.executeQuery("EXECUTE slipway_left_" + range.name().toLowerCase(Locale.ROOT) + argList)) {
              rs.next();
              skipped = rs.getLong(1);
              skippedKeys = rs.getString(2);
            }
          }
        }
      }
      double ms = (System.nanoTime() - t0) / 1e6;
      double rate = (runRows + rows) / Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
      String status = store.recordBatch(c, name, bound.hi, bound.keys, rows, sizes.size(), rate, skippedKeys, false);
      c.commit();
      ms = (System.nanoTime() - t0) / 1e6;
      runRows += rows;
      runKeys += bound.keys;
      keysDone += bound.keys;
      runBatches++;
      skippedOutstanding += skipped;
      sizes.observe(bound.keys, ms);
      BatchTiming timing = new BatchTiming(bound.keys, rows, ms);
      if (first.size() < KEEP_TIMINGS) {
        first.add(timing);
      }
      last.addLast(timing);
      if (last.size() > KEEP_TIMINGS) {
        last.removeFirst();
      }
      if (skipped > 0) {
        say("backfill " + name + ": skipped " + skipped + " rows locked by other transactions; will retry them");
      }
      return new Batch(rows, skipped, status);
    } catch (RuntimeException e) {
      rollbackQuietly(); // before setAutoCommit(true), which would commit
      throw e;
    } catch (SQLException e) {
      rollbackQuietly();
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.equals("55P03") || state.equals("40P01") || state.equals("40001")) {
        sizes.failed();
        String why = state.equals("55P03") ? "a lock on " + table.display() + " was not granted within "
            + def.lockTimeout.toMillis() + " ms (DDL or a long transaction holds it)" : TargetTable.firstLine(e);
        say("backfill " + name + ": batch rolled back, " + why + "; retrying with " + sizes.size() + " keys");
        sleep(Math.min(5000, 200 + def.lockTimeout.toMillis()));
        return null;
      }
      if (state.startsWith("08")) {
        throw e;
      }
      throw new BadInputException("backfill " + name, "the batch after key ("
          + (cursor == null ? "start" : String.join(", ", cursor)) + ") up to (" + String.join(", ", bound.hi)
          + ") failed: " + TargetTable.firstLine(e) + "; fix the expression and run again (the cursor is kept)");
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** The SET must make the predicate false, else the rows stay "to do" and a rerun updates them again. */
  private void stillMatching(long still, List<String> cursor, Bound bound) {
    if (still > 0) {
      throw new BadInputException("--set", still + " rows of the batch after key (" + (cursor == null ? "start"
          : String.join(", ", cursor)) + ") still match --where after the update, so a rerun would update them"
          + " again; make --where select exactly the rows still to do (nothing was changed)");
    }
  }

  private boolean othersMayHoldRowLocks() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'relation'"
        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND relation = ?"
        + " AND pid <> pg_backend_pid() AND mode IN ('RowShareLock', 'RowExclusiveLock'))")) {
      ps.setLong(1, table.oid());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private void rollbackQuietly() {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // The connection is broken; the next statement says so.
    }
  }

  /** Tries the skipped rows again every few seconds (and, at the end of a pass, until they are done). */
  private void maybeRevisit() throws SQLException {
    if (skippedOutstanding > 0 && System.nanoTime() - lastRevisit > 2_000_000_000L) {
      revisit(false);
    }
  }

  /** Returns true when no skipped row is left. */
  private boolean revisit(boolean untilDone) throws SQLException {
    if (sql.templateMode()) {
      return true;
    }
    long deadline = System.nanoTime() + def.lockedRowWait.toNanos();
    long backoff = 50;
    long lastSaid = 0;
    while (true) {
      lastRevisit = System.nanoTime();
      String keys = store.skippedKeys(c, name);
      if (keys.equals("[]")) {
        skippedOutstanding = 0;
        return true;
      }
      long t0 = System.nanoTime();
      c.setAutoCommit(false);
      long rows;
      long still;
      try (Statement s = c.createStatement()) {
        String arg = " (" + Identifiers.literal(keys) + ")";
        try (ResultSet rs = s.executeQuery("EXECUTE slipway_batch_keys" + arg)) {
          rs.next();
          rows = rs.getLong(1);
          stillMatching(rs.getLong(2), null, new Bound(false, List.of(), 0));
        }
        String stillKeys;
        try (ResultSet rs = s.executeQuery("EXECUTE slipway_left_keys" + arg)) {
          rs.next();
          still = rs.getLong(1);
          stillKeys = rs.getString(2);
        }
        double rate = (runRows + rows) / Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        store.recordBatch(c, name, null, 0, rows, sizes.size(), rate, stillKeys, true);
        c.commit();
      } catch (RuntimeException e) {
        rollbackQuietly();
        throw e;
      } catch (SQLException e) {
        rollbackQuietly();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (!(state.equals("55P03") || state.equals("40P01") || state.equals("40001"))) {
          throw e;
        }
        still = skippedOutstanding;
        rows = 0;
      } finally {
        c.setAutoCommit(true);
      }
      runRows += rows;
      runBatches++;
      if (rows > 0) {
        say("backfill " + name + ": updated " + rows + " previously locked rows in "
            + Math.round((System.nanoTime() - t0) / 1e6) + " ms");
      }
      skippedOutstanding = still;
      if (still == 0) {
        return true;
      }
      if (!untilDone || stop) {
        return false;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      String status = store.load(c, name).status();
      if (!status.equals("running")) {
        return false;
      }
      if (System.nanoTime() - lastSaid > 5_000_000_000L) {
        say("backfill " + name + ": waiting for " + still + " rows locked by other transactions");
        lastSaid = System.nanoTime();
      }
      sleep(backoff);
      backoff = Math.min(1000, backoff * 2);
    }
  }

  /** Returns the keys (JSON) of the first rows that still match; {@code count[0]} gets how many match. */
  private String verify(long[] count) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXECUTE slipway_verify")) {
      rs.next();
      count[0] = rs.getLong(1);
      return rs.getString(2);
    }
  }

  // ---- throttling, pause ------------------------------------------------------------------

  private String throttle(String status) throws SQLException {
    if (System.nanoTime() - lastHealth < 250_000_000L) {
      return status;
    }
    lastHealth = System.nanoTime();
    HealthCheck.Reading r = health.read(c);
    if (r.reason() == null) {
      if (healthReason != null) {
        say("backfill " + name + ": resuming full speed, healthy again (was: " + healthReason + ")");
        healthReason = null;
      }
      extraPauseMs = 0;
      return status;
    }
    if (r.slowOnly()) {
      // Half duty cycle: sleep as long as a batch takes.
      extraPauseMs = def.targetBatch.toMillis();
      if (!r.reason().equals(healthReason)) {
        say("backfill " + name + ": slowing down, " + r.reason());
        healthReason = r.reason();
      }
      return status;
    }
    say("backfill " + name + ": holding, " + r.reason());
    store.message(c, name, "holding: " + r.reason());
    healthReason = r.reason();
    long since = System.nanoTime();
    while (!stop) {
      sleep(1000);
      String now = store.load(c, name).status();
      if (!now.equals("running")) {
        return now;
      }
      r = health.read(c);
      if (r.reason() == null || r.slowOnly()) {
        say("backfill " + name + ": resuming after " + Math.round((System.nanoTime() - since) / 1e9)
            + " s on hold (" + healthReason + ")");
        store.message(c, name, null);
        healthReason = null;
        lastHealth = System.nanoTime();
        return now;
      }
      if (!r.reason().equals(healthReason)) {
        say("backfill " + name + ": still holding, " + r.reason());
        healthReason = r.reason();
      }
    }
    return status;
  }

  private String waitWhilePaused() throws SQLException {
    say("backfill " + name + ": paused; waiting for slipway backfill resume --name " + name);
    while (!stop) {
      sleep(500);
      String status = store.load(c, name).status();
      if (!status.equals("paused")) {
        if (status.equals("running")) {
          say("backfill " + name + ": resumed");
        }
        return status;
      }
    }
    return "paused";
  }

  // ---- progress ---------------------------------------------------------------------------

  private long estimateRows() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT reltuples::bigint, relpages FROM pg_class WHERE oid = ?")) {
      ps.setLong(1, table.oid());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long tuples = rs.getLong(1);
        long pages = rs.getLong(2);
        if (tuples > 0) {
          return tuples;
        }
        // Never analysed (reltuples -1 from PostgreSQL 14, 0 before): count small tables, sample big ones.
        String count = pages > 1000
            ? "SELECT count(*) * 100 FROM " + table.qualified() + " TABLESAMPLE SYSTEM (1)"
            : "SELECT count(*) FROM " + table.qualified();
        try (Statement s = c.createStatement(); ResultSet r2 = s.executeQuery(count)) {
          r2.next();
          return r2.getLong(1);
        }
      }
    }
  }

  private void progress(boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastProgress < def.progressInterval.toNanos()) {
      return;
    }
    lastProgress = now;
    double secs = Math.max(1e-3, (now - startNanos) / 1e9);
    double rowsPerSec = runRows / secs;
    double keysPerSec = runKeys / secs;
    long total = Math.max(estimatedKeys, keysDone);
    String pct = total > 0 ? String.format(" (%d%%)", Math.min(100, keysDone * 100 / total)) : "";
    String eta = keysPerSec > 0 && total > keysDone ? ", ETA " + duration((total - keysDone) / keysPerSec) : "";
    BatchTiming lastBatch = last.peekLast();
    say(String.format(Locale.ROOT, "backfill %s: pass %d, %,d of ~%,d keys%s, %,d rows updated, %,.0f rows/s%s%s%s",
        name, pass, keysDone, total, pct, totalRowsBefore + runRows, rowsPerSec,
        lastBatch == null ? "" : String.format(Locale.ROOT, ", batch %,d keys in %.0f ms", lastBatch.keys(), lastBatch.millis()),
        eta, skippedOutstanding > 0 ? ", " + skippedOutstanding + " locked rows to retry" : ""));
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + String.format("%02d", s % 60) + "s";
    }
    return (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
  }

  private static String oneLine(String sql) {
    return sql.replaceAll("\\s+", " ").trim();
  }

  private void say(String line) {
    def.progress.accept(line);
  }

  private void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop = true;
    }
  }

  static String keys(List<String> values) {
    return values.stream().collect(Collectors.joining(", ", "(", ")"));
  }
}
