package slipway.engine.backfill;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A batched, throttled, resumable data migration: the front door of the backfill engine.
 *
 * <pre>{@code
 * BackfillResult r = Backfill.of(dataSource)
 *     .table("users")
 *     .set("email_normalized = lower(trim(email))")
 *     .where("email_normalized IS NULL")
 *     .run();
 * }</pre>
 *
 * Each batch is a key range walked in key order, its own short transaction, sized to take about
 * {@link #targetBatch} and committed together with the cursor in {@code slipway_backfill}, so a
 * crash or a kill resumes where it stopped and updates no row twice. See docs/backfill.md.
 */
public final class Backfill {
  /** Where connections come from: a DataSource, a JDBC URL, or anything else. */
  @FunctionalInterface
  public interface Connector {
    Connection connect() throws SQLException;
  }

  final Connector connector;
  String name;
  String table;
  List<String> key = List.of();
  String set;
  String where;
  String template;
  Duration targetBatch = Duration.ofMillis(200);
  int minBatch = 100;
  int maxBatch = 100_000;
  int initialBatch = 1000;
  Duration pause = Duration.ZERO;
  Duration lockTimeout = Duration.ofMillis(500);
  Duration maxReplicationLag = Duration.ofSeconds(10);
  int maxLockWaiters = 5;
  String probe;
  String stateSchema = "public";
  int maxPasses = 3;
  Duration runnerWait = Duration.ofSeconds(10);
  Duration lockedRowWait = Duration.ofMinutes(10);
  Duration progressInterval = Duration.ofSeconds(2);
  Consumer<String> progress = System.err::println;
  private volatile BackfillRunner runner;
  private volatile boolean stopRequested;

  private Backfill(Connector connector) {
    this.connector = Objects.requireNonNull(connector);
  }

  public static Backfill of(DataSource dataSource) {
    return new Backfill(dataSource::getConnection);
  }

  /** A JDBC URL ({@code jdbc:postgresql://…}); credentials as the URL or the driver take them. */
  public static Backfill of(String jdbcUrl) {
    return new Backfill(() -> DriverManager.getConnection(jdbcUrl));
  }

  public static Backfill of(Connector connector) {
    return new Backfill(connector);
  }

  /** The table, as written in SQL ({@code users}, {@code app.users}, {@code "Users"}). */
  public Backfill table(String table) {
    this.table = table;
    return this;
  }

  /** The state row's name; defaults to the table's name. One runner per name at a time. */
  public Backfill name(String name) {
    this.name = name;
    return this;
  }

  /** The key to walk: columns of a unique NOT NULL btree index; defaults to the primary key. */
  public Backfill key(String... columns) {
    this.key = List.of(columns);
    return this;
  }

  public Backfill key(List<String> columns) {
    this.key = columns == null ? List.of() : List.copyOf(columns);
    return this;
  }

  /** The SET clause, e.g. {@code email_normalized = lower(trim(email))} (SQL, checked with PREPARE). */
  public Backfill set(String setClause) {
    this.set = setClause;
    return this;
  }

  /** The rows still to do, e.g. {@code email_normalized IS NULL}; also what the final verification counts. */
  public Backfill where(String predicate) {
    this.where = predicate;
    return this;
  }

  /**
   * Instead of a SET clause, a whole UPDATE, INSERT … SELECT or DELETE restricted to the batch by the
   * placeholder {@code {range}} (or {@code {range:alias}} to qualify the key columns).
   */
  public Backfill template(String statement) {
    this.template = statement;
    return this;
  }

  public Backfill targetBatch(Duration d) {
    this.targetBatch = d;
    return this;
  }

  public Backfill batchSize(int min, int max) {
    this.minBatch = min;
    this.maxBatch = max;
    return this;
  }

  public Backfill initialBatchSize(int n) {
    this.initialBatch = n;
    return this;
  }

  /** Sleep between batches (a duty cycle): 0 by default. */
  public Backfill pause(Duration d) {
    this.pause = d;
    return this;
  }

  /** How long a batch may wait for a table lock before it backs off and retries. */
  public Backfill lockTimeout(Duration d) {
    this.lockTimeout = d;
    return this;
  }

  /** Hold while a replica's replay lag exceeds this (0 = ignore); slow down above half of it. */
  public Backfill maxReplicationLag(Duration d) {
    this.maxReplicationLag = d;
    return this;
  }

  /** Hold while more than this many sessions wait on locks on the table (-1 = ignore). */
  public Backfill maxLockWaiters(int n) {
    this.maxLockWaiters = n;
    return this;
  }

  /** A query returning one boolean: true = go on, false or NULL = hold. Run between batches. */
  public Backfill probe(String sql) {
    this.probe = sql;
    return this;
  }

  /** Schema of the {@code slipway_backfill} state table ({@code public} by default). */
  public Backfill stateSchema(String schema) {
    this.stateSchema = schema;
    return this;
  }

  /** Full passes over the key before giving up on rows that still match (rows the application re-dirtied). */
  public Backfill maxPasses(int n) {
    this.maxPasses = n;
    return this;
  }

  /** How long to poll for the runner lock held by another (possibly just killed) runner. */
  public Backfill runnerWait(Duration d) {
    this.runnerWait = d;
    return this;
  }

  /** How long to keep retrying rows skipped because the application held them locked. */
  public Backfill lockedRowWait(Duration d) {
    this.lockedRowWait = d;
    return this;
  }

  /** Where progress lines go (stderr by default) and how often. */
  public Backfill progress(Consumer<String> sink, Duration every) {
    this.progress = sink == null ? line -> { } : sink;
    this.progressInterval = every;
    return this;
  }

  /** Runs (or resumes) the backfill until done, cancelled or {@link #requestStop stopped}. */
  public BackfillResult run() {
    BackfillRunner r = new BackfillRunner(this);
    runner = r;
    if (stopRequested) {
      r.requestStop();
    }
    return r.run();
  }

  /** Checks the definition against the database (PREPARE) without touching any row or creating any table. */
  public void validate() {
    new BackfillRunner(this).validateOnly();
  }

  /** Asks a running {@link #run} to stop after its current batch (Ctrl-C); the state stays resumable. */
  public void requestStop() {
    stopRequested = true;
    BackfillRunner r = runner;
    if (r != null) {
      r.requestStop();
    }
  }

  String effectiveName() {
    if (name != null && !name.isBlank()) {
      return name;
    }
    return table == null ? null : table;
  }
}
