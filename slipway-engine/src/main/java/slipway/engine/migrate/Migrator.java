package slipway.engine.migrate;

import slipway.core.source.Version;
import slipway.engine.backfill.BackfillGate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import slipway.core.BadInputException;
import slipway.core.catalog.Catalog;
import slipway.core.lock.LockModel;

/**
 * Slipway's migration runner, the front door for applications and the CLI:
 *
 * <pre>{@code
 * MigrateResult r = Migrator.configure()
 *     .url("jdbc:postgresql://db/app?user=app")
 *     .locations(Path.of("db/migration"))
 *     .build()
 *     .migrate();
 * }</pre>
 *
 * One runner at a time (a session advisory lock), each migration in one transaction unless a
 * statement cannot be, every statement under lock_timeout with retries, progress recorded per
 * statement group so an interrupted run resumes where it stopped. See docs/migrate.md.
 */
public final class Migrator {
  /** Which history table to use; AUTO picks Slipway's if present, else an existing Flyway one. */
  public enum HistoryMode { AUTO, SLIPWAY, FLYWAY }

  /** Every setting of a run (see {@link Builder} for the defaults). */
  record Settings(ConnectionSource source, List<Path> locations, String schema, String table, HistoryMode mode,
                  Duration lockTimeout, Duration statementTimeout, Duration concurrentTimeout, int retries,
                  Duration retryDelay, Duration maxRetryDelay, int indexRetries, Duration lockWait, Version target,
                  boolean outOfOrder, Set<String> skipChecks, Duration maxTransactionAge, Duration maxReplicationLag,
                  Duration replicationWait, String beforeHook, String installedBy, MigrateListener listener) {}

  public static Builder configure() {
    return new Builder();
  }

  public static final class Builder {
    private ConnectionSource source;
    private List<Path> locations = List.of();
    private String schema = "public";
    private String table;
    private HistoryMode mode = HistoryMode.AUTO;
    private Duration lockTimeout = Duration.ofSeconds(2);
    private Duration statementTimeout = Duration.ZERO;
    private Duration concurrentTimeout = Duration.ofHours(1);
    private int retries = 10;
    private Duration retryDelay = Duration.ofMillis(500);
    private Duration maxRetryDelay = Duration.ofSeconds(30);
    private int indexRetries = 2;
    private Duration lockWait = Duration.ofMinutes(5);
    private Version target;
    private boolean outOfOrder;
    private Set<String> skipChecks = Set.of();
    private Duration maxTransactionAge = Duration.ofMinutes(1);
    private Duration maxReplicationLag = Duration.ofSeconds(30);
    private Duration replicationWait = Duration.ofMinutes(5);
    private String beforeHook;
    private String installedBy;
    private MigrateListener listener;

    /** A JDBC URL ({@code jdbc:postgresql://host/db?user=…}); credentials may be in it or in {@code props}. */
    public Builder url(String jdbcUrl) {
      return url(jdbcUrl, new Properties());
    }

    public Builder url(String jdbcUrl, Properties props) {
      Properties copy = new Properties();
      copy.putAll(props);
      this.source = () -> DriverManager.getConnection(jdbcUrl, copy);
      return this;
    }

    /** Any way of opening sessions (a DataSource's getConnection, a pool's). Each call must give a new session. */
    public Builder connections(ConnectionSource source) {
      this.source = source;
      return this;
    }

    public Builder locations(Path... locations) {
      return locations(List.of(locations));
    }

    public Builder locations(List<Path> locations) {
      this.locations = List.copyOf(locations);
      return this;
    }

    /** The schema of the history table (default {@code public}). */
    public Builder schema(String schema) {
      this.schema = schema;
      return this;
    }

    /** The history table name (default {@code slipway_schema_history}, or {@code flyway_schema_history} in Flyway mode). */
    public Builder table(String table) {
      this.table = table;
      return this;
    }

    public Builder history(HistoryMode mode) {
      this.mode = mode;
      return this;
    }

    /** lock_timeout of every statement (default 2s). */
    public Builder lockTimeout(Duration d) {
      this.lockTimeout = d;
      return this;
    }

    /** statement_timeout of every statement (default 0: none). */
    public Builder statementTimeout(Duration d) {
      this.statementTimeout = d;
      return this;
    }

    /** lock and statement timeout of concurrent builds and VALIDATE CONSTRAINT (default 1h). */
    public Builder concurrentTimeout(Duration d) {
      this.concurrentTimeout = d;
      return this;
    }

    /** Retries after a lock timeout or deadlock (default 10), with exponential backoff and jitter. */
    public Builder retries(int retries) {
      this.retries = retries;
      return this;
    }

    /** First backoff delay (default 500ms, doubling up to {@code max}, default 30s). */
    public Builder retryDelay(Duration first, Duration max) {
      this.retryDelay = first;
      this.maxRetryDelay = max;
      return this;
    }

    /** Rebuilds of a concurrent index that came out INVALID (default 2). */
    public Builder indexRetries(int n) {
      this.indexRetries = n;
      return this;
    }

    /** How long to wait for another runner's lock (default 5min). */
    public Builder lockWait(Duration d) {
      this.lockWait = d;
      return this;
    }

    /** Apply versioned migrations up to this version only. */
    public Builder target(String version) {
      this.target = version == null ? null : Version.parse(version);
      return this;
    }

    public Builder outOfOrder(boolean b) {
      this.outOfOrder = b;
      return this;
    }

    /** Pre-/post-flight checks to skip: sessions, replication, archive, invalid-indexes. */
    public Builder skipChecks(Set<String> checks) {
      for (String c : checks) {
        if (!Preflight.CHECKS.contains(c)) {
          throw new BadInputException("--skip-check " + c, "unknown check; known: " + String.join(", ", new java.util.TreeSet<>(Preflight.CHECKS)));
        }
      }
      this.skipChecks = Set.copyOf(checks);
      return this;
    }

    /** Sessions holding locks on touched tables with a transaction older than this fail pre-flight (default 1min). */
    public Builder maxTransactionAge(Duration d) {
      this.maxTransactionAge = d;
      return this;
    }

    public Builder maxReplicationLag(Duration d) {
      this.maxReplicationLag = d;
      return this;
    }

    public Builder replicationWait(Duration d) {
      this.replicationWait = d;
      return this;
    }

    /** A shell command that must succeed before a category-3 migration runs (a snapshot, pg_basebackup). */
    public Builder before(String command) {
      this.beforeHook = command;
      return this;
    }

    /** The installed_by recorded (default: the database user). */
    public Builder installedBy(String who) {
      this.installedBy = who;
      return this;
    }

    public Builder listener(MigrateListener listener) {
      this.listener = listener;
      return this;
    }

    public Migrator build() {
      if (source == null) {
        throw new BadInputException("migrate", "no database given; pass --url (or SLIPWAY_URL)");
      }
      return new Migrator(new Settings(source, locations, schema, table, mode, lockTimeout, statementTimeout,
          concurrentTimeout, retries, retryDelay, maxRetryDelay, indexRetries, lockWait, target, outOfOrder, skipChecks,
          maxTransactionAge, maxReplicationLag, replicationWait, beforeHook, installedBy, listener));
    }
  }

  private final Settings s;
  private final Events events;

  private Migrator(Settings settings) {
    this.s = settings;
    this.events = new Events(settings.listener());
  }

  // ------------------------------------------------------------------ commands

  /** Applies every pending migration; throws {@link MigrationFailedException} when one fails safely. */
  public MigrateResult migrate() {
    long t0 = System.nanoTime();
    List<Migration> resolved = MigrationSources.load(s.locations());
    try (Connection c = open()) {
      History h = history(c);
      List<Plan> plans = plans(resolved, major(c));
      List<MigrateResult.Outcome> outcomes = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      try (RunnerLock lock = RunnerLock.acquire(c, h.table(), s.lockWait(), events)) {
        events.emit(Events.event("lock.acquired", "migration lock taken (" + h.table() + ", " + h.mode() + " history)")
            .with("history", h.table()).with("mode", h.mode()));
        h.ensure(c);
        Ledger ledger = new Ledger(resolved, h.applied(c), h, s.target(), s.outOfOrder());
        for (Problem p : ledger.problems) {
          if (!p.error()) {
            warnings.add(p.toString());
            events.emit(Events.event("validate.warning", p.toString()).with("file", p.where()));
          }
        }
        if (ledger.hasErrors()) {
          throw new MigrationFailedException(String.join("\n", ledger.problems.stream().filter(Problem::error)
              .map(p -> p.where() + ": " + p.message()).toList()));
        }
        List<Ledger.Entry> work = ledger.work();
        if (work.isEmpty()) {
          events.emit(Events.event("up-to-date", "schema is up to date (" + ledger.entries.size() + " migrations known)"));
        } else {
          List<Plan> pending = plansOf(plans, work);
          Preflight preflight = new Preflight(c, s, events);
          warnings.addAll(preflight.before(pending));
          try (BlockerWatch watch = new BlockerWatch(s.source(), events)) {
            int pid = backendPid(c);
            for (int i = 0; i < work.size(); i++) {
              Ledger.Entry e = work.get(i);
              requireFinishedBackfills(c, pending.get(i).migration());
              outcomes.add(new Run(c, h, pending.get(i), e, watch, pid).execute());
              if (i + 1 < work.size()) {
                preflight.awaitReplication();
              }
            }
          }
        }
        List<MigrateResult.InvalidIndex> invalid = s.skipChecks().contains("invalid-indexes") ? List.of() : Indexes.invalid(c);
        for (MigrateResult.InvalidIndex ix : invalid) {
          events.emit(Events.event("postflight.invalid-index", "post-flight: INVALID index " + ix
              + " (a failed concurrent build); drop it with DROP INDEX CONCURRENTLY and build it again")
              .with("schema", ix.schema()).with("index", ix.name()).with("table", ix.table()));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        events.emit(Events.event("done", "applied " + outcomes.size() + " migration(s) in "
            + Durations.human(Duration.ofMillis(millis))).with("applied", outcomes.size()).with("ms", millis));
        return new MigrateResult(h.table(), outcomes, invalid, warnings, millis);
      }
    } catch (SQLException e) {
      throw databaseError(e);
    }
  }

  /**
   * The expand-contract gate: a migration whose header says {@code -- slipway:requires-backfill=NAME}
   * waits for that backfill to have finished and verified (docs/backfill.md). Migrations before it
   * stay applied; the run stops here and a rerun after the backfill continues.
   */
  private void requireFinishedBackfills(Connection c, Migration m) throws SQLException {
    for (String name : BackfillGate.requiredBackfills(m.text())) {
      if (!BackfillGate.isFinished(c, name, s.schema())) {
        throw new MigrationFailedException(m.file() + ": requires backfill '" + name + "' to be finished, but it is "
            + BackfillGate.describe(c, name, s.schema())
            + "; run `slipway backfill run --name " + name + " …` (or wait for it), then migrate again");
      }
    }
  }

  /** The plans migrate would run, without taking the lock or changing anything (reads the history if it exists). */
  public DryRun dryRun() {
    List<Migration> resolved = MigrationSources.load(s.locations());
    try (Connection c = open()) {
      c.setReadOnly(true);
      History h = history(c);
      List<Plan> plans = plans(resolved, major(c));
      Ledger ledger = new Ledger(resolved, h.applied(c), h, s.target(), s.outOfOrder());
      List<DryRun.Item> items = new ArrayList<>();
      List<Ledger.Entry> work = ledger.work();
      List<Plan> pending = plansOf(plans, work);
      for (int i = 0; i < work.size(); i++) {
        items.add(new DryRun.Item(pending.get(i), work.get(i).resumeFrom()));
      }
      return new DryRun(h.table(), items, ledger.problems);
    } catch (SQLException e) {
      throw databaseError(e);
    }
  }

  /** Every migration's standing, the INVALID indexes, and the runner holding the lock if any. */
  public Status status() {
    List<Migration> resolved = MigrationSources.load(s.locations());
    try (Connection c = open()) {
      History h = history(c);
      List<AppliedMigration> applied = h.applied(c);
      Ledger ledger = new Ledger(resolved, applied, h, s.target(), s.outOfOrder());
      List<Status.Row> rows = new ArrayList<>();
      for (Ledger.Entry e : ledger.entries) {
        AppliedMigration r = e.row();
        String detail = "";
        if (e.state() == Ledger.State.IN_FLIGHT) {
          detail = r.statementsDone() + " of " + (r.statementsTotal() < 0 ? "?" : r.statementsTotal()) + " statements committed";
        } else if (e.state() == Ledger.State.CHANGED) {
          detail = "changed since applied; migrate applies it again";
        }
        for (Problem p : ledger.problems) {
          if (p.error() && p.where().equals(e.migration().file())) {
            detail = p.message();
          }
        }
        String state = ledger.problems.stream().anyMatch(p -> p.error() && p.where().equals(e.migration().file())
            && p.message().startsWith("changed after it was applied")) ? "DRIFT" : e.state().name();
        rows.add(new Status.Row(e.migration().label(), e.migration().script(), state,
            r == null ? null : r.installedOn(), r == null ? -1 : r.executionMillis(), detail));
      }
      for (AppliedMigration m : ledger.missing) {
        rows.add(new Status.Row("V" + m.version() + " " + m.description(), m.script(), "MISSING", m.installedOn(),
            m.executionMillis(), "applied, but no file has it"));
      }
      Integer runner = h.exists(c) ? RunnerLock.holder(c, h.table()) : null;
      return new Status(h.table(), h.mode(), rows, Indexes.invalid(c), runner, ledger.problems);
    } catch (SQLException e) {
      throw databaseError(e);
    }
  }

  /** Validate: every applied migration still matches its file. Problems (errors first) are returned. */
  public List<Problem> validate() {
    List<Migration> resolved = MigrationSources.load(s.locations());
    try (Connection c = open()) {
      History h = history(c);
      plans(resolved, major(c)); // every file must split and plan
      return new Ledger(resolved, h.applied(c), h, s.target(), s.outOfOrder()).problems;
    } catch (SQLException e) {
      throw databaseError(e);
    }
  }

  /**
   * Accepts edited files (stores their current checksums) and removes failed rows of migrations
   * that committed nothing; a migration that stopped part-way is kept so migrate resumes it.
   * Returns one line per change.
   */
  public List<String> repair() {
    List<Migration> resolved = MigrationSources.load(s.locations());
    List<String> actions = new ArrayList<>();
    try (Connection c = open()) {
      History h = history(c);
      try (RunnerLock lock = RunnerLock.acquire(c, h.table(), s.lockWait(), events)) {
        if (!h.exists(c)) {
          return actions;
        }
        List<AppliedMigration> applied = h.applied(c);
        c.setAutoCommit(false);
        Set<Integer> handled = new LinkedHashSet<>();
        for (Migration m : resolved) {
          String checksum = h.checksumOf(m);
          for (AppliedMigration row : applied) {
            if (!m.matches(row, false) || handled.contains(row.rank())) {
              continue;
            }
            if (!row.success() && row.statementsDone() <= 0) {
              continue; // removed below
            }
            if (m.repeatable() && row.success()) {
              continue; // a changed repeatable is applied again, not repaired
            }
            if (!Objects.equals(row.checksum(), checksum)) {
              h.updateChecksum(c, row.rank(), m);
              handled.add(row.rank());
              actions.add(m.file() + ": checksum " + row.checksum() + " -> " + checksum + " accepted (rank " + row.rank() + ")");
            }
          }
        }
        for (AppliedMigration row : applied) {
          if (!row.success()) {
            if (row.statementsDone() <= 0) {
              h.delete(c, row.rank());
              actions.add("removed failed row rank " + row.rank() + " (" + row.script() + "): no statement of it had committed");
            } else {
              actions.add("kept rank " + row.rank() + " (" + row.script() + "): " + row.statementsDone() + " of "
                  + row.statementsTotal() + " statements committed; migrate resumes it");
            }
          }
        }
        c.commit();
        c.setAutoCommit(true);
        for (String a : actions) {
          events.emit(Events.event("repair", a));
        }
        return actions;
      }
    } catch (SQLException e) {
      throw databaseError(e);
    }
  }

  /** Records {@code version} as the baseline of an existing database: migrations up to it are never run. */
  public void baseline(String version, String description) {
    Version v = Version.parse(version);
    try (Connection c = open()) {
      History h = history(c);
      try (RunnerLock lock = RunnerLock.acquire(c, h.table(), s.lockWait(), events)) {
        h.ensure(c);
        for (AppliedMigration row : h.applied(c)) {
          throw new MigrationFailedException(h.table() + " already has rows (rank " + row.rank() + ": " + row.script()
              + "); baseline only an empty history");
        }
        String d = description != null ? description : "flyway".equals(h.mode()) ? "<< Flyway Baseline >>" : "<< Slipway Baseline >>";
        h.insertBaseline(c, v, d, s.installedBy());
        events.emit(Events.event("baseline", "baseline " + v + " recorded in " + h.table()).with("version", v.toString()));
      }
    } catch (SQLException e) {
      throw databaseError(e);
    }
  }

  // ------------------------------------------------------------------ one migration

  /** Runs one migration from where its history says it stopped, group by group. */
  private final class Run {
    private final Connection c;
    private final History h;
    private final Plan plan;
    private final Migration m;
    private final BlockerWatch watch;
    private final int pid;
    private final int resumedAt;
    private final int retryLimit;
    private Integer rank;
    private int done;
    private long lockWaitMillis;
    private int retries;
    private final long started = System.nanoTime();
    private final long previousMillis;
    private BlockerWatch.Seen lastSeen = new BlockerWatch.Seen(0, List.of());
    private long lastMillis;

    Run(Connection c, History h, Plan plan, Ledger.Entry entry, BlockerWatch watch, int pid) {
      this.c = c;
      this.h = h;
      this.plan = plan;
      this.m = plan.migration();
      this.watch = watch;
      this.pid = pid;
      AppliedMigration row = entry.state() == Ledger.State.IN_FLIGHT ? entry.row() : null;
      this.rank = row == null ? null : row.rank();
      this.done = entry.resumeFrom();
      this.resumedAt = row == null ? 0 : done + 1;
      this.lockWaitMillis = row == null ? 0 : row.lockWaitMillis();
      this.retries = row == null ? 0 : row.lockRetries();
      this.previousMillis = row == null ? 0 : row.executionMillis();
      this.retryLimit = m.header().retries().orElse(s.retries());
    }

    MigrateResult.Outcome execute() throws SQLException {
      String how = plan.groups().size() == 1 && plan.groups().get(0).transactional() ? "1 transaction"
          : plan.groups().size() + " groups";
      events.emit(Events.event("migration.start", m.label() + ": " + plan.total() + " statement(s), " + how
              + (resumedAt > 0 ? ", resuming at statement " + resumedAt : ""))
          .with("migration", m.label()).with("script", m.script()).with("statements", plan.total())
          .with("groups", plan.groups().size()).with("resumeAt", resumedAt));
      if (plan.total() == 0) {
        if (rank == null) {
          rank = h.insert(c, m, 0, 0, true, 0, 0, 0, s.installedBy());
        } else {
          h.update(c, rank, 0, true, elapsed(), lockWaitMillis, retries);
        }
      }
      List<Plan.Group> groups = plan.groups();
      if (plan.total() > 0 && groups.get(groups.size() - 1).end() <= done && rank != null) {
        // Every statement had committed but the run stopped before marking the row complete.
        h.update(c, rank, done, true, elapsed(), lockWaitMillis, retries);
      }
      for (int g = 0; g < groups.size(); g++) {
        Plan.Group group = groups.get(g);
        if (group.end() <= done) {
          continue;
        }
        boolean last = g == groups.size() - 1;
        if (group.transactional()) {
          transactional(group, last);
        } else {
          autocommit(group.steps().get(0), last);
        }
      }
      long millis = elapsed();
      events.emit(Events.event("migration.done", m.label() + ": done in " + Durations.human(Duration.ofMillis(millis))
              + (lockWaitMillis > 0 ? ", waited " + Durations.human(Duration.ofMillis(lockWaitMillis)) + " for locks" : "")
              + (retries > 0 ? ", " + retries + " retr" + (retries == 1 ? "y" : "ies") : ""))
          .with("migration", m.label()).with("ms", millis).with("lockWaitMs", lockWaitMillis).with("retries", retries));
      return new MigrateResult.Outcome(m.label(), m.script(), plan.total(), plan.groups().size(), resumedAt, millis,
          lockWaitMillis, retries);
    }

    private long elapsed() {
      return previousMillis + (System.nanoTime() - started) / 1_000_000;
    }

    /** One transaction: the statements and the history update commit together, or nothing does. */
    private void transactional(Plan.Group group, boolean last) throws SQLException {
      for (int attempt = 1; ; attempt++) {
        Plan.Step current = null;
        c.setAutoCommit(false);
        try {
          Duration[] set = null;
          for (Plan.Step step : group.steps()) {
            current = step;
            set = timeouts(step, true, set);
            run(step);
          }
          if (rank == null) {
            Integer r = h.insert(c, m, plan.total(), group.end(), last, elapsed(), lockWaitMillis, retries, s.installedBy());
            c.commit();
            rank = r;
          } else {
            h.update(c, rank, group.end(), last, elapsed(), lockWaitMillis, retries);
            c.commit();
          }
          done = group.end();
          for (Plan.Step step : group.steps()) {
            stepDone(step);
          }
          return;
        } catch (SQLException e) {
          rollback();
          if (!retry(current, e, attempt)) {
            throw failure(current, e, null);
          }
        } finally {
          c.setAutoCommit(true);
        }
      }
    }

    /** A statement that cannot run in a transaction block, with the concurrent-build policy. */
    private void autocommit(Plan.Step step, boolean last) throws SQLException {
      StatementTraits t = step.traits();
      boolean resuming = resumedAt > 0 && step.index() == done;
      if (rank == null) {
        // Record the migration as in flight before the first non-transactional statement, so a crash
        // right after it commits still finds the row and resumes after it.
        rank = h.insert(c, m, plan.total(), done, false, elapsed(), lockWaitMillis, retries, s.installedBy());
      }
      if (t.kind() == StatementTraits.Kind.CREATE_INDEX_CONCURRENTLY) {
        Indexes.State existing = Indexes.find(c, t.table(), t.indexName());
        if (existing != null && existing.valid() && resuming) {
          note(step, "index " + existing.name() + " is already built and valid (the interrupted run built it); not building it again");
          progress(step, last);
          return;
        }
        if (existing != null && !existing.valid()) {
          dropInvalid(step, existing, "left INVALID by an earlier, interrupted build");
        }
      }
      if (t.kind() == StatementTraits.Kind.DROP_INDEX_CONCURRENTLY && resuming && t.dropIndex() != null
          && !Indexes.exists(c, t.dropIndex())) {
        note(step, t.dropIndex() + " is already gone (the interrupted run dropped it)");
        progress(step, last);
        return;
      }
      Set<Long> invalidBefore = new LinkedHashSet<>();
      if (t.kind() == StatementTraits.Kind.CREATE_INDEX_CONCURRENTLY) {
        Indexes.invalidOn(c, t.table()).forEach(x -> invalidBefore.add(x.oid()));
      }
      int rebuilds = 0;
      for (int attempt = 1; ; attempt++) {
        try {
          timeouts(step, false, null);
          run(step);
          if (t.kind() == StatementTraits.Kind.CREATE_INDEX_CONCURRENTLY) {
            List<Indexes.State> left = newInvalid(t, invalidBefore);
            if (!left.isEmpty()) {
              for (Indexes.State x : left) {
                dropInvalid(step, x, "came out INVALID");
              }
              if (++rebuilds > s.indexRetries()) {
                throw new MigrationFailedException(step.where(m) + ": the index came out INVALID " + rebuilds
                    + " times; it was dropped. Check the server log for the cause, then rerun migrate");
              }
              continue;
            }
          }
          progress(step, last);
          return;
        } catch (SQLException e) {
          String cleaned = null;
          if (t.kind() == StatementTraits.Kind.CREATE_INDEX_CONCURRENTLY) {
            List<String> names = new ArrayList<>();
            for (Indexes.State x : newInvalid(t, invalidBefore)) {
              dropInvalid(step, x, "left INVALID by the failed build");
              names.add(x.name());
            }
            cleaned = names.isEmpty() ? "no index was left behind"
                : "the INVALID index " + String.join(", ", names) + " it left was dropped: no index was left behind";
          }
          if (!retry(step, e, attempt)) {
            throw failure(step, e, cleaned);
          }
        }
      }
    }

    /** INVALID indexes of the build's table that were not there before it (by name when it has one). */
    private List<Indexes.State> newInvalid(StatementTraits t, Set<Long> before) throws SQLException {
      List<Indexes.State> out = new ArrayList<>();
      if (t.indexName() != null) {
        Indexes.State x = Indexes.find(c, t.table(), t.indexName());
        if (x != null && !x.valid()) {
          out.add(x);
        }
        return out;
      }
      for (Indexes.State x : Indexes.invalidOn(c, t.table())) {
        if (!before.contains(x.oid())) {
          out.add(x);
        }
      }
      return out;
    }

    private void dropInvalid(Plan.Step step, Indexes.State index, String why) throws SQLException {
      Indexes.dropConcurrently(c, index, s.concurrentTimeout().toMillis());
      events.emit(Events.event("index.dropped", m.label() + ": dropped INVALID index " + index.schema() + "." + index.name()
              + " (" + why + ")")
          .with("migration", m.label()).with("statement", step.index() + 1).with("index", index.name()));
    }

    private void progress(Plan.Step step, boolean last) throws SQLException {
      done = step.index() + 1;
      h.update(c, rank, done, last, elapsed(), lockWaitMillis, retries);
      stepDone(step);
    }

    private void note(Plan.Step step, String message) {
      events.emit(Events.event("statement.skipped", m.label() + ": " + (step.index() + 1) + "/" + plan.total() + " " + message)
          .with("migration", m.label()).with("statement", step.index() + 1));
    }

    private void stepDone(Plan.Step step) {
      events.emit(Events.event("statement.done", "  " + (step.index() + 1) + "/" + plan.total() + " " + step.shortSql())
          .with("migration", m.label()).with("statement", step.index() + 1).with("line", step.line()));
    }

    /** Sets lock_timeout and statement_timeout (LOCAL inside a transaction); skips when unchanged. */
    private Duration[] timeouts(Plan.Step step, boolean local, Duration[] current) throws SQLException {
      if (current != null && current[0].equals(step.lockTimeout()) && current[1].equals(step.statementTimeout())) {
        return current;
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT set_config('lock_timeout', ?, ?), "
          + "set_config('statement_timeout', ?, ?)")) {
        ps.setString(1, Durations.setting(step.lockTimeout()));
        ps.setBoolean(2, local);
        ps.setString(3, Durations.setting(step.statementTimeout()));
        ps.setBoolean(4, local);
        ps.execute();
      }
      return new Duration[] {step.lockTimeout(), step.statementTimeout()};
    }

    private void run(Plan.Step step) throws SQLException {
      long t0 = System.nanoTime();
      watch.begin(pid, m.label() + " " + (step.index() + 1) + "/" + plan.total());
      try (Statement st = c.createStatement()) {
        st.execute(step.sql());
      } finally {
        lastSeen = watch.end();
        lastMillis = (System.nanoTime() - t0) / 1_000_000;
        lockWaitMillis += lastSeen.lockWaitMillis();
      }
    }

    /** Should this failure be retried? Logs the attempt and sleeps the backoff when so. */
    private boolean retry(Plan.Step step, SQLException e, int attempt) {
      String state = e.getSQLState();
      boolean lockTimeout = "55P03".equals(state);
      boolean deadlock = "40P01".equals(state);
      if (step == null || !(lockTimeout || deadlock) || attempt > retryLimit) {
        return false;
      }
      if (lockTimeout) {
        // The whole wait ended in the timeout; the sampler may have seen only part of it.
        lockWaitMillis += Math.max(0, lastMillis - lastSeen.lockWaitMillis());
      }
      retries++;
      long base = Math.min(s.maxRetryDelay().toMillis(), s.retryDelay().toMillis() << Math.min(20, attempt - 1));
      long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
      String why = lockTimeout ? "lock timeout after " + Durations.human(step.lockTimeout()) : "deadlock";
      events.emit(Events.event("statement.retry", m.label() + ": " + (step.index() + 1) + "/" + plan.total() + " " + why
              + " (attempt " + attempt + " of " + (retryLimit + 1) + "); blocked by " + BlockerWatch.describe(lastSeen.blockers())
              + "; retrying in " + Durations.human(Duration.ofMillis(delay)))
          .with("migration", m.label()).with("statement", step.index() + 1).with("attempt", attempt)
          .with("reason", lockTimeout ? "lock_timeout" : "deadlock").with("retryInMs", delay)
          .with("blockers", lastSeen.blockers().stream().map(BlockerWatch.Blocker::json).toList()));
      try {
        Thread.sleep(delay);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return false;
      }
      return true;
    }

    private MigrationFailedException failure(Plan.Step step, SQLException e, String cleaned) {
      String where = step == null ? m.file() : step.where(m);
      String what = step == null ? "recording progress" : step.shortSql();
      StringBuilder msg = new StringBuilder(where).append(": ").append(what).append(" failed: ").append(serverMessage(e));
      if ("55P03".equals(e.getSQLState())) {
        msg.append(" after ").append(retryLimit + 1).append(" attempts; last blocked by ")
            .append(BlockerWatch.describe(lastSeen.blockers()));
      }
      if (cleaned != null) {
        msg.append("; ").append(cleaned);
      }
      msg.append(done == 0 && rank == null ? "; nothing of " + m.label() + " was applied"
          : "; " + done + " of " + plan.total() + " statements of " + m.label() + " committed, rerun migrate to resume at statement "
              + (done + 1));
      events.emit(Events.event("migration.failed", msg.toString()).with("migration", m.label())
          .with("statement", step == null ? null : step.index() + 1).with("sqlState", e.getSQLState()));
      return new MigrationFailedException(msg.toString(), e);
    }

    private void rollback() {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // the session is gone; the server rolled back
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  static String serverMessage(SQLException e) {
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage sm = p.getServerErrorMessage();
      String text = sm.getMessage();
      if (sm.getDetail() != null) {
        text += " (" + sm.getDetail() + ")";
      }
      return text + " [" + e.getSQLState() + "]";
    }
    return e.getMessage();
  }

  private Connection open() throws SQLException {
    Connection c;
    try {
      c = s.source().open();
    } catch (SQLException e) {
      throw new BadInputException("database", "cannot connect: " + BlockerWatch.shorten(e.getMessage())
          + "; check --url, the server and the credentials");
    }
    c.setAutoCommit(true);
    try (Statement st = c.createStatement()) {
      st.execute("SELECT set_config('application_name', 'slipway migrate', false)");
    }
    try (Statement st = c.createStatement()) {
      // PostgreSQL 14+: if the runner dies (SIGKILL, lost host), the server notices within a second
      // even while the statement waits for a lock, cancels it and frees the runner lock, instead of
      // finishing half a migration for nobody. Unknown before 14, refused on some platforms: skip.
      st.execute("SET client_connection_check_interval = '1s'");
    } catch (SQLException unsupported) {
      // older server or platform without the check: the session ends when TCP notices
    }
    return c;
  }

  private History history(Connection c) throws SQLException {
    switch (s.mode()) {
      case FLYWAY:
        return new FlywayHistory(s.schema(), s.table() == null ? FlywayHistory.DEFAULT_TABLE : s.table());
      case SLIPWAY:
        return new SlipwayHistory(s.schema(), s.table() == null ? SlipwayHistory.DEFAULT_TABLE : s.table());
      default:
        if (s.table() != null) {
          return Tables.exists(c, s.schema(), s.table()) && hasColumn(c, s.table(), "statements_done")
              || !Tables.exists(c, s.schema(), s.table()) ? new SlipwayHistory(s.schema(), s.table())
              : new FlywayHistory(s.schema(), s.table());
        }
        if (!Tables.exists(c, s.schema(), SlipwayHistory.DEFAULT_TABLE)
            && Tables.exists(c, s.schema(), FlywayHistory.DEFAULT_TABLE)) {
          return new FlywayHistory(s.schema(), FlywayHistory.DEFAULT_TABLE);
        }
        return new SlipwayHistory(s.schema(), SlipwayHistory.DEFAULT_TABLE);
    }
  }

  private boolean hasColumn(Connection c, String table, String column) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.columns WHERE table_schema = ? "
        + "AND table_name = ? AND column_name = ?")) {
      ps.setString(1, s.schema());
      ps.setString(2, table);
      ps.setString(3, column);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private List<Plan> plans(List<Migration> resolved, int major) {
    Plan.Timeouts timeouts = new Plan.Timeouts(s.lockTimeout(), s.statementTimeout(), s.concurrentTimeout());
    List<Plan> plans = new ArrayList<>();
    // The schema replayed from the files, so each statement's locks and category come from the lock model.
    Catalog catalog = LockModel.supports(major) ? new Catalog() : null;
    for (Migration m : resolved) {
      if (catalog != null) {
        catalog.beginMigration();
      }
      plans.add(Plan.of(m, major, timeouts, catalog));
    }
    return plans;
  }

  /** The plans of these migrations, in their order (by identity: one pass, not a search per entry). */
  private static List<Plan> plansOf(List<Plan> plans, List<Ledger.Entry> entries) {
    java.util.Map<Migration, Plan> byMigration = new java.util.IdentityHashMap<>();
    for (Plan p : plans) {
      byMigration.put(p.migration(), p);
    }
    return entries.stream().map(e -> byMigration.get(e.migration())).toList();
  }

  private static int major(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version_num")) {
      rs.next();
      return Integer.parseInt(rs.getString(1)) / 10000;
    }
  }

  private static int backendPid(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static RuntimeException databaseError(SQLException e) {
    return new MigrationFailedException("database error: " + serverMessage(e), e);
  }
}
