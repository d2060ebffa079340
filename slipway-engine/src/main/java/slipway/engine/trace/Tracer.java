package slipway.engine.trace;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import slipway.core.BadInputException;
import slipway.core.lock.LockMode;
import slipway.core.source.Migration;
import slipway.core.sql.Diagnostic;
import slipway.core.sql.Span;
import slipway.core.sql.Splitter;
import slipway.core.sql.SqlStatement;
import slipway.core.sql.Transactions;
import slipway.engine.postgres.ConnectionSource;
import slipway.engine.postgres.JdbcUrl;

/**
 * Runs migrations on a live PostgreSQL and reports what each statement really did: the relations
 * it locked and in which mode (from {@code pg_locks}), the relations it rewrote (their relfilenode
 * changed) and how long it took. See docs/trace.md.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@linkplain #committing() committing} (the default for the one-shot {@link #trace} calls
 *   and for a scratch server): each statement runs in a transaction of its own, which is committed
 *   after its locks are read, so each statement's locks are exactly its own.</li>
 *   <li>rolling back ({@link #open(ConnectionSource)}'s default, for a database that must stay as it
 *   was): everything traced runs in one transaction, rolled back by {@link #close()}. A statement's
 *   locks are the ones it took that earlier statements of that transaction did not already hold —
 *   what it adds when a migration tool runs the file in one transaction. Statements that cannot run
 *   in a transaction block are not run (they could not be rolled back) and are reported as skipped.</li>
 * </ul>
 *
 * <p>Statements that cannot run inside a transaction block ({@link Transactions#mayRunInTransactionBlock}:
 * CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION CONCURRENTLY, VACUUM, …, and
 * any other the server refuses with SQLSTATE 25001) run on their own, and a second connection polls {@code pg_locks} for their backend while
 * they run, keeping the strongest mode seen per relation. Polling can miss a lock held for less
 * than one poll (a fraction of a millisecond), so such a statement on an empty table may show
 * fewer locks than it takes.
 */
public final class Tracer implements AutoCloseable {
  /** Relations of the current database, before a statement: its names survive a DROP. */
  private static final String SNAPSHOT = """
      SELECT c.oid, n.nspname, c.relname, c.relkind, c.relfilenode, pg_catalog.pg_table_is_visible(c.oid)
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
        AND c.relkind <> 'c'""";

  /** Granted relation locks of one backend in this database (no virtualxid/transactionid rows). */
  private static final String LOCKS = """
      SELECT l.relation::bigint, l.mode FROM pg_catalog.pg_locks l
      WHERE l.pid = ? AND l.locktype = 'relation' AND l.granted AND l.database = ?::oid""";

  /** First half of the advisory lock key that tells the sampler the statement is still running. */
  private static final int SIGNAL = 0x534C5057; // "SLPW"

  /**
   * Samples pg_locks for backend {@code target} until it no longer holds the advisory lock
   * (SIGNAL, target), collecting "oid/mode" pairs: one pg_locks scan per sample, COMMIT after each
   * so no snapshot is held. It holds the advisory lock (SIGNAL + 1, target) while it loops, which
   * tells the tracer that sampling has begun.
   */
  private static final String SAMPLER = """
      CREATE OR REPLACE PROCEDURE pg_temp.slipway_sample(target int, db oid, INOUT seen text[])
      LANGUAGE plpgsql AS $$
      DECLARE
        r record;
        running boolean;
      BEGIN
        PERFORM pg_catalog.pg_advisory_lock(%d, target);
        LOOP
          running := false;
          FOR r IN SELECT l.locktype, l.relation::bigint || '/' || l.mode AS lock FROM pg_catalog.pg_locks l
                   WHERE l.pid = target AND l.granted
                     AND ((l.locktype = 'relation' AND l.database = db)
                       OR (l.locktype = 'advisory' AND l.classid = %d::oid AND l.objid = target::oid AND l.objsubid = 2)) LOOP
            IF r.locktype = 'advisory' THEN
              running := true;
            ELSIF NOT (r.lock = ANY (seen)) THEN
              seen := seen || r.lock;
            END IF;
          END LOOP;
          EXIT WHEN NOT running;
          COMMIT;
        END LOOP;
        PERFORM pg_catalog.pg_advisory_unlock(%d, target);
      END $$""".formatted(SIGNAL + 1, SIGNAL, SIGNAL + 1);

  private static final String FILENODES = "SELECT c.oid, c.relfilenode FROM pg_catalog.pg_class c WHERE c.oid = ANY (?)";

  private final Connection work;
  private final Connection monitor;
  private final int workPid;
  private final long databaseOid;
  private final int monitorPid;
  private Boolean samplerInstalled;
  private final int serverVersionNum;
  private final String serverVersion;
  private boolean commit;
  private boolean inTransaction;

  private Tracer(Connection work, Connection monitor) throws SQLException {
    this.work = work;
    this.monitor = monitor;
    monitor.setAutoCommit(true); // an idle-in-transaction monitor would make CONCURRENTLY wait for it
    work.setAutoCommit(true);
    try (Statement s = work.createStatement();
         ResultSet rs = s.executeQuery("SELECT pg_catalog.pg_backend_pid(), current_setting('server_version_num'), "
             + "current_setting('server_version'), d.oid::bigint FROM pg_catalog.pg_database d "
             + "WHERE d.datname = pg_catalog.current_database()")) {
      rs.next();
      this.workPid = rs.getInt(1);
      this.serverVersionNum = Integer.parseInt(rs.getString(2));
      this.serverVersion = rs.getString(3);
      this.databaseOid = rs.getLong(4);
    }
    try (Statement s = monitor.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_catalog.pg_backend_pid()")) {
      rs.next();
      this.monitorPid = rs.getInt(1);
    }
  }

  /** Opens two connections (one runs the statements, one samples pg_locks); rolling-back mode. */
  public static Tracer open(ConnectionSource source) {
    Connection work = null;
    try {
      work = source.open();
      return new Tracer(work, source.open());
    } catch (SQLException e) {
      closeQuietly(work);
      throw new BadInputException("database", "cannot connect: " + oneLine(e.getMessage()), e);
    }
  }

  /** Connects to {@code url} (failures are one line, password-free: see {@link JdbcUrl#connect()}). */
  public static Tracer open(JdbcUrl url) {
    Connection work = url.connect();
    try {
      return new Tracer(work, url.connect());
    } catch (RuntimeException | SQLException e) {
      closeQuietly(work);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new BadInputException(url.redacted(), "cannot use the connection: " + url.scrub(oneLine(e.getMessage())));
    }
  }

  /**
   * One-shot trace for tests and lock-fact checks: applies {@code setupSql} (committed), then traces
   * {@code migrationSql} statement by statement, each in a transaction of its own that is committed.
   * Meant for a scratch database (a test's fresh database).
   */
  public static TraceResult trace(ConnectionSource database, String setupSql, String migrationSql) {
    try (Tracer tracer = open(database).committing()) {
      tracer.apply("setup", setupSql);
      return tracer.trace("migration", migrationSql);
    }
  }

  /** As {@link #trace(ConnectionSource, String, String)}, on a JDBC URL or libpq URI. */
  public static TraceResult trace(String url, String setupSql, String migrationSql) {
    JdbcUrl target = JdbcUrl.parse(url);
    try (Tracer tracer = open(target).committing()) {
      tracer.apply("setup", setupSql);
      return tracer.trace("migration", migrationSql);
    }
  }

  /** Switches to committing mode: each statement in its own transaction, committed. */
  public Tracer committing() {
    finishTransaction(false);
    this.commit = true;
    return this;
  }

  public boolean isCommitting() {
    return commit;
  }

  /** Fails a statement that waits longer than this for a lock (protects a live database's queue). */
  public Tracer lockTimeout(Duration timeout) {
    try (Statement s = work.createStatement()) {
      s.execute("SET lock_timeout = " + timeout.toMillis());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /** e.g. 180001 for 18.1. */
  public int serverVersionNum() {
    return serverVersionNum;
  }

  public int serverMajor() {
    return serverVersionNum / 10000;
  }

  /** e.g. "18.1". */
  public String serverVersion() {
    return serverVersion;
  }

  /**
   * Runs a migration for real, untraced, each statement in autocommit: the schema earlier
   * migrations build (or a test's setup). A failing statement is one line with file:line:col.
   */
  public void apply(String file, String sql) {
    apply(file, sql, 0);
  }

  /** Applies a loaded migration (lines in messages are lines of its file). */
  public void apply(Migration migration) {
    apply(migration.file(), migration.text(), migration.line() - 1);
  }

  private void apply(String file, String sql, int lineOffset) {
    if (sql == null || sql.isBlank()) {
      return;
    }
    finishTransaction(false);
    for (SqlStatement statement : statements(file, sql, lineOffset)) {
      if (statement.psqlMetaCommand()) {
        continue;
      }
      try {
        execute(statement);
      } catch (SQLException e) {
        throw failure(statement, e, "earlier statements of " + file + " were applied");
      }
    }
  }

  /** Traces every statement of one migration file, in order. */
  public TraceResult trace(String file, String sql) {
    return trace(file, sql, 0);
  }

  /** Traces a loaded migration (lines are lines of its file, even for a section of one). */
  public TraceResult trace(Migration migration) {
    return trace(migration.file(), migration.text(), migration.line() - 1);
  }

  private TraceResult trace(String file, String sql, int lineOffset) {
    List<StatementTrace> traces = new ArrayList<>();
    for (SqlStatement statement : statements(file, sql, lineOffset)) {
      traces.add(traceOne(file, statement));
    }
    return new TraceResult(file, traces);
  }

  /** The one splitter (slipway.core.sql), with spans moved to the lines of the file. */
  private static List<SqlStatement> statements(String file, String sql, int lineOffset) {
    List<SqlStatement> statements = new ArrayList<>();
    for (SqlStatement s : Splitter.split(file, sql)) {
      if (!s.diagnostics().isEmpty()) {
        Diagnostic d = s.diagnostics().get(0);
        throw new BadInputException(file + ":" + (d.span().line() + lineOffset) + ":" + d.span().column(), d.message());
      }
      if (lineOffset != 0) {
        Span span = s.span();
        s = new SqlStatement(new Span(span.file(), span.line() + lineOffset, span.column(), span.offset(), span.length()),
            s.text(), s.tokens(), s.psqlMetaCommand(), s.copyDataSpan(), s.copyData(), s.diagnostics());
      }
      statements.add(s);
    }
    return statements;
  }

  private StatementTrace traceOne(String file, SqlStatement statement) {
    String skip = skipReason(statement);
    boolean ownTransaction = !Transactions.mayRunInTransactionBlock(statement.syntax(), serverVersionNum / 10000);
    if (skip != null) {
      return skipped(file, statement, !ownTransaction, skip);
    }
    if (ownTransaction) {
      if (!commit) {
        return skipped(file, statement, false, "cannot run inside a transaction block, so it could not be "
            + "rolled back; trace it with --commit on a scratch copy");
      }
      return traceOutsideTransaction(file, statement);
    }
    try {
      return traceInTransaction(file, statement);
    } catch (NeedsOwnTransaction e) {
      if (!commit) {
        return skipped(file, statement, false, "the server refused it inside a transaction block, so it "
            + "could not be rolled back; trace it with --commit on a scratch copy");
      }
      return traceOutsideTransaction(file, statement);
    }
  }

  private StatementTrace traceInTransaction(String file, SqlStatement statement) {
    Savepoint savepoint = null;
    try {
      if (!inTransaction) {
        work.setAutoCommit(false);
        inTransaction = true;
      }
      if (!commit) {
        savepoint = work.setSavepoint();
      }
      Map<Long, Relation> before = snapshot(work);
      Set<String> heldBefore = locks(work, workPid).keySetWithModes();
      long start = System.nanoTime();
      execute(statement);
      double ms = (System.nanoTime() - start) / 1e6;
      LockSet after = locks(work, workPid);
      after.removeAll(heldBefore);
      List<String> rewritten = rewritten(work, before);
      if (savepoint != null) {
        work.releaseSavepoint(savepoint);
      }
      if (commit) {
        work.commit();
        work.setAutoCommit(true);
        inTransaction = false;
      }
      return new StatementTrace(file, statement.span().line(), statement.span().column(), statement.text(), true,
          after.resolve(before), rewritten, anyTable(rewritten, before), round(ms), null);
    } catch (SQLException e) {
      // Transactions decides from the text; some refusals depend on what the database holds (REINDEX
      // or CLUSTER of a partitioned table) or on options the tree does not carry (ALTER SUBSCRIPTION …
      // REFRESH PUBLICATION): the server's 25001 says so, and the statement runs on its own instead.
      if ("25001".equals(e.getSQLState())) {
        try {
          if (savepoint != null) {
            work.rollback(savepoint);
          } else {
            finishTransaction(false);
          }
        } catch (SQLException ignored) {
          finishTransaction(false);
        }
        throw new NeedsOwnTransaction();
      }
      finishTransaction(false);
      throw failure(statement, e, commit ? "statements before it were committed" : "nothing was committed");
    }
  }

  private StatementTrace traceOutsideTransaction(String file, SqlStatement statement) {
    finishTransaction(true);
    Map<Long, Relation> before;
    try {
      before = snapshot(monitor);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the catalog: " + e.getMessage(), e);
    }
    Sample sample = serverSampler() ? sampleOnServer(statement) : sampleFromClient(statement);
    if (sample.error != null) {
      throw failure(statement, sample.error, "it ran outside a transaction; statements before it were committed");
    }
    try {
      List<String> rewritten = rewritten(monitor, before);
      return new StatementTrace(file, statement.span().line(), statement.span().column(), statement.text(), false,
          sample.seen.resolve(before), rewritten, anyTable(rewritten, before), round(sample.nanos / 1e6), null);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the catalog: " + e.getMessage(), e);
    }
  }

  /** What sampling saw while a statement ran on its own. */
  private record Sample(LockSet seen, long nanos, SQLException error) {}

  /**
   * Installs the server-side sampler once per tracer (a temporary procedure on the monitor
   * connection); false when the server does not allow it, and polling from here is used instead.
   */
  private boolean serverSampler() {
    if (samplerInstalled == null) {
      try (Statement s = monitor.createStatement()) {
        s.execute(SAMPLER);
        samplerInstalled = true;
      } catch (SQLException e) {
        samplerInstalled = false;
      }
    }
    return samplerInstalled;
  }

  /**
   * Runs the statement while the monitor connection CALLs the sampler procedure, which reads
   * pg_locks for the statement's backend in a loop on the server (no round trip between samples)
   * until the work connection releases the advisory lock it took before the statement. The
   * procedure COMMITs after every sample, so it holds no snapshot that CONCURRENTLY would wait for.
   */
  private Sample sampleOnServer(SqlStatement statement) {
    AtomicReference<Object> samplerResult = new AtomicReference<>();
    Thread sampler = new Thread(() -> {
      try (Statement s = monitor.createStatement();
           ResultSet rs = s.executeQuery("CALL pg_temp.slipway_sample(" + workPid + ", " + databaseOid + ", '{}')")) {
        rs.next();
        samplerResult.set(rs.getArray(1).getArray());
      } catch (SQLException e) {
        samplerResult.set(e);
      }
    }, "slipway-trace-sampler");
    SQLException error = null;
    long nanos = 0;
    try (Statement s = work.createStatement()) {
      s.execute("SELECT pg_catalog.pg_advisory_lock(" + SIGNAL + ", " + workPid + ")");
      sampler.start();
      awaitSampler(s, sampler);
      long start = System.nanoTime();
      try {
        execute(statement);
      } catch (SQLException e) {
        error = e;
      }
      nanos = System.nanoTime() - start;
      s.execute("SELECT pg_catalog.pg_advisory_unlock(" + SIGNAL + ", " + workPid + ")");
      sampler.join();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot sample pg_locks: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while tracing", e);
    }
    if (samplerResult.get() instanceof SQLException e) {
      throw new IllegalStateException("cannot sample pg_locks: " + e.getMessage(), e);
    }
    LockSet seen = new LockSet();
    for (Object entry : (Object[]) samplerResult.get()) {
      String oidAndMode = (String) entry;
      int slash = oidAndMode.indexOf('/');
      seen.add(Long.parseLong(oidAndMode.substring(0, slash)), oidAndMode.substring(slash + 1));
    }
    return new Sample(seen, nanos, error);
  }

  /** Waits until the sampler holds its advisory lock, i.e. its sampling loop has begun. */
  private void awaitSampler(Statement work, Thread sampler) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    String started = "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE pid = " + monitorPid
        + " AND locktype = 'advisory' AND granted AND classid = " + (SIGNAL + 1) + "::oid AND objid = " + workPid
        + "::oid AND objsubid = 2)";
    while (sampler.isAlive() && System.nanoTime() < deadline) {
      try (ResultSet rs = work.executeQuery(started)) {
        if (rs.next() && rs.getBoolean(1)) {
          return;
        }
      }
      Thread.sleep(0, 200_000);
    }
  }

  /** The fallback: polls pg_locks from here while the statement runs on another thread. */
  private Sample sampleFromClient(SqlStatement statement) {
    AtomicReference<SQLException> error = new AtomicReference<>();
    long[] start = new long[1];
    long[] end = new long[1];
    Thread runner = new Thread(() -> {
      start[0] = System.nanoTime();
      try {
        execute(statement);
      } catch (SQLException e) {
        error.set(e);
      } finally {
        end[0] = System.nanoTime();
      }
    }, "slipway-trace-statement");
    LockSet seen = new LockSet();
    try (PreparedStatement poll = monitor.prepareStatement(LOCKS)) {
      poll.setInt(1, workPid);
      poll.setLong(2, databaseOid);
      // Warm up: pgjdbc switches to a server-side prepared statement after a few executions, and
      // every poll saved is a shorter gap in which a lock could come and go unseen.
      for (int i = 0; i < 6; i++) {
        poll.executeQuery().close();
      }
      runner.start();
      while (runner.isAlive()) {
        try (ResultSet rs = poll.executeQuery()) {
          while (rs.next()) {
            seen.add(rs.getLong(1), rs.getString(2));
          }
        }
      }
      runner.join();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot sample pg_locks: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while tracing", e);
    }
    return new Sample(seen, end[0] - start[0], error.get());
  }

  private void execute(SqlStatement statement) throws SQLException {
    if (statement.copyData() != null) {
      try {
        work.unwrap(PGConnection.class).getCopyAPI()
            .copyIn(statement.text(), new StringReader(statement.copyData()));
      } catch (java.io.IOException e) {
        throw new SQLException(e.getMessage(), "58030", e);
      }
      return;
    }
    try (Statement s = work.createStatement()) {
      s.execute(statement.text());
    }
  }

  private static StatementTrace skipped(String file, SqlStatement statement, boolean transactional, String why) {
    return new StatementTrace(file, statement.span().line(), statement.span().column(), statement.text(),
        transactional, List.of(), List.of(), false, 0, why);
  }

  /** Statements trace does not run: psql meta-commands and transaction control. */
  private String skipReason(SqlStatement statement) {
    if (statement.psqlMetaCommand()) {
      return "psql meta-command, not SQL";
    }
    switch (statement.firstWord()) {
      case "begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release", "prepare":
        if (statement.firstWord().equals("prepare") && !second(statement, "transaction")) {
          return null;
        }
        return commit ? "transaction control: trace runs each statement in a transaction of its own"
            : "transaction control: trace runs everything in one transaction and rolls it back";
      default:
        return null;
    }
  }

  private static boolean second(SqlStatement statement, String word) {
    return statement.tokens().size() > 1 && statement.tokens().get(1).is(word);
  }

  /** oid → relation, for every user relation (the names survive the statement dropping them). */
  private static Map<Long, Relation> snapshot(Connection connection) throws SQLException {
    Map<Long, Relation> relations = new HashMap<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(SNAPSHOT)) {
      while (rs.next()) {
        relations.put(rs.getLong(1), new Relation(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4).charAt(0), rs.getLong(5), rs.getBoolean(6)));
      }
    }
    return relations;
  }

  private LockSet locks(Connection connection, int pid) throws SQLException {
    LockSet set = new LockSet();
    try (PreparedStatement s = connection.prepareStatement(LOCKS)) {
      s.setInt(1, pid);
      s.setLong(2, databaseOid);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          set.add(rs.getLong(1), rs.getString(2));
        }
      }
    }
    return set;
  }

  /** Relations of the snapshot whose relfilenode changed (dropped ones are not rewritten). */
  private static List<String> rewritten(Connection connection, Map<Long, Relation> before) throws SQLException {
    List<String> names = new ArrayList<>();
    Long[] oids = before.keySet().toArray(new Long[0]);
    try (PreparedStatement s = connection.prepareStatement(FILENODES)) {
      s.setArray(1, connection.createArrayOf("oid", oids));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Relation old = before.get(rs.getLong(1));
          if (old != null && old.filenode() != 0 && old.filenode() != rs.getLong(2)) {
            names.add(old.display());
          }
        }
      }
    }
    names.sort(null);
    return names;
  }

  private static boolean anyTable(List<String> rewritten, Map<Long, Relation> before) {
    Set<String> names = new HashSet<>(rewritten);
    return before.values().stream().anyMatch(r -> r.isTable() && names.contains(r.display()));
  }

  private static double round(double ms) {
    return Math.round(ms * 10) / 10.0;
  }

  /**
   * One line: {@code file:line:col: cause; what was committed}. The column is the server's error
   * position when it gives one (PostgreSQL counts it in characters from the statement's start).
   */
  private BadInputException failure(SqlStatement statement, SQLException e, String state) {
    String message = oneLine(e.getMessage());
    int line = statement.span().line();
    int column = statement.span().column();
    ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    if (server != null && server.getMessage() != null) {
      message = oneLine(server.getMessage());
      if (server.getHint() != null) {
        message += " (hint: " + oneLine(server.getHint()) + ")";
      }
      String text = statement.text();
      int position = Math.min(server.getPosition() - 1, text.length());
      for (int i = 0; i < position; i++) {
        if (text.charAt(i) == '\n') {
          line++;
          column = 1;
        } else if (!Character.isLowSurrogate(text.charAt(i))) {
          column++;
        }
      }
    } else if (message.startsWith("ERROR: ")) {
      message = message.substring("ERROR: ".length());
    }
    if ("55P03".equals(e.getSQLState())) {
      message += " (another session holds a conflicting lock; retry, or raise --lock-timeout)";
    }
    return new BadInputException(statement.span().file() + ":" + line + ":" + column, message + "; " + state, null);
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  private void finishTransaction(boolean commitIt) {
    if (!inTransaction) {
      return;
    }
    try {
      if (commitIt && commit) {
        work.commit();
      } else {
        work.rollback();
      }
      work.setAutoCommit(true);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot end the trace transaction: " + e.getMessage(), e);
    } finally {
      inTransaction = false;
    }
  }

  /** Rolls back what was traced in rolling-back mode and closes both connections. */
  @Override
  public void close() {
    try {
      finishTransaction(false);
    } finally {
      closeQuietly(work);
      closeQuietly(monitor);
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing after a failure: nothing more to report
      }
    }
  }

  /** Thrown inside: the server said 25001, the statement must run on its own. */
  private static final class NeedsOwnTransaction extends RuntimeException {
    NeedsOwnTransaction() {
      super(null, null, false, false);
    }
  }

  /** (relation oid, mode) pairs seen in pg_locks. */
  private static final class LockSet {
    private final Map<Long, Set<String>> modes = new LinkedHashMap<>();

    void add(long oid, String mode) {
      modes.computeIfAbsent(oid, k -> new HashSet<>()).add(mode);
    }

    Set<String> keySetWithModes() {
      Set<String> keys = new HashSet<>();
      modes.forEach((oid, ms) -> ms.forEach(m -> keys.add(oid + "/" + m)));
      return keys;
    }

    void removeAll(Set<String> keys) {
      modes.forEach((oid, ms) -> ms.removeIf(m -> keys.contains(oid + "/" + m)));
      modes.values().removeIf(Set::isEmpty);
    }

    /** Strongest mode per relation that existed before the statement, sorted by name. */
    List<RelationLock> resolve(Map<Long, Relation> before) {
      List<RelationLock> locks = new ArrayList<>();
      modes.forEach((oid, ms) -> {
        Relation r = before.get(oid);
        if (r == null) {
          return; // created by the statement, or a system catalog
        }
        LockMode strongest = null;
        for (String m : ms) {
          LockMode mode = LockMode.fromPgName(m);
          if (mode != null) {
            strongest = mode.strongest(strongest);
          }
        }
        if (strongest != null) {
          locks.add(new RelationLock(r.display(), r.schema(), r.kind(), strongest));
        }
      });
      locks.sort((a, b) -> a.relation().compareTo(b.relation()));
      return locks;
    }
  }
}
