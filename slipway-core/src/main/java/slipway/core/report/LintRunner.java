package slipway.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;
import slipway.core.BadInputException;
import slipway.core.catalog.Catalog;
import slipway.core.sql.Transactions;
import slipway.core.rule.Estimate;
import slipway.core.rule.LintConfig;
import slipway.core.rule.Linter;
import slipway.core.rule.Statement;
import slipway.core.rule.Stats;
import slipway.core.source.Migration;
import slipway.core.source.MigrationFormat;
import slipway.core.sql.Parser;
import slipway.core.sql.Script;
import slipway.core.sql.SqlStatement;
import slipway.core.sql.Splitter;

/** Lints loaded migrations and assembles the {@link LintReport} the reporters print. */
public final class LintRunner {
  private final LintConfig config;
  private final Stats stats;
  private final String version;
  private final Estimate estimator;
  private Supplier<Catalog> seed = Catalog::new;

  public LintRunner(LintConfig config, Stats stats, String version) {
    this.config = config;
    this.stats = stats;
    this.version = version;
    this.estimator = new Estimate(stats);
  }

  /**
   * Rejects malformed SQL as {@link WellFormed#require} does (the first bad migration in order is thrown
   * from {@link #run} before anything is reported), checked on the statements the run splits anyway.
   */
  public LintRunner wellFormed() {
    this.wellFormed = true;
    return this;
  }

  private boolean wellFormed;

  /**
   * The schema the migrations are replayed into, a fresh copy per run (e.g. read from a live database);
   * by default an empty one, so that a table no file creates is assumed to exist and hold data.
   */
  public LintRunner seed(Supplier<Catalog> schema) {
    this.seed = schema;
    return this;
  }

  public LintReport run(List<Migration> migrations) {
    return run(migrations, null);
  }

  /**
   * As {@link #run(List)}, and each file's report is handed to {@code eachFile} as soon as it is complete,
   * in order, on the second thread (once that thread has split and checked every file), so that a reporter
   * can render earlier files while later ones are linted. Nothing is handed over when the input is
   * malformed and {@link #wellFormed()} is set (the run throws).
   */
  public LintReport run(List<Migration> migrations, Consumer<LintReport.FileReport> eachFile) {
    // One pass over the schema: for each statement the lock model classifies it against the schema so
    // far, the rules read those facts, then the statement is replayed into the schema. That pass is
    // sequential; reading the files is not: a second thread splits and lexes each file (once, and reads
    // the lock model's words) ahead of it, in order, then checks that the SQL is well-formed while the
    // rules run, then turns each linted file into its report as the pass hands it over.
    int n = migrations.size();
    Linter.FileResult[] results = new Linter.FileResult[n];
    LintReport.FileReport[] reports = new LintReport.FileReport[n];
    Semaphore linted = new Semaphore(0);
    Linter.Split[] split = new Linter.Split[n];
    Semaphore ready = new Semaphore(0);
    BadInputException[] malformed = new BadInputException[1];
    CompletableFuture<Void> checked = new CompletableFuture<>();
    Thread t = new Thread(null, () -> {
      try {
        Script[] scripts = wellFormed ? new Script[n] : null;
        for (int i = 0; i < n; i++) {
          Migration m = migrations.get(i);
          Script script = Splitter.script(m.file(), m.text());
          List<Statement> sts = Linter.split(m.file(), script.statements(), m.offset(), m.line());
          split[i] = new Linter.Split(
              new Linter.SourceFile(m.file(), m.text(), runnerTransaction(m, sts, config.pgVersion()), m.offset(), m.line()), sts)
              .withWords();
          // The rules read the typed tree: parsed here, once (Statement memoizes it), on this thread's
          // deep stack, before the statements are handed over.
          for (Statement s : sts) s.syntax();
          if (scripts != null) scripts[i] = script;
          ready.release();
        }
        for (int i = 0; scripts != null && i < n && malformed[0] == null; i++) {
          // The statements the rules read were parsed above; the others (psql meta-commands, empty
          // ones) are parsed here. Each memo was set before its file was handed over: both threads only read it.
          java.util.Map<SqlStatement, Statement> read = new java.util.IdentityHashMap<>();
          for (Statement s : split[i].statements()) read.put(s.source(), s);
          malformed[0] = WellFormed.problem(migrations.get(i), scripts[i], st -> {
            Statement s = read.get(st);
            return s != null ? s.syntax() : Parser.parse(st);
          });
          scripts[i] = null;
        }
        for (int i = 0; i < n && !(wellFormed && malformed[0] != null); i++) {
          linted.acquireUninterruptibly();
          if (results[i] == null) {
            break; // the pass failed: its exception is the run's
          }
          reports[i] = report(migrations.get(i), results[i]);
          results[i] = null;
          if (eachFile != null) eachFile.accept(reports[i]);
        }
        checked.complete(null);
      } catch (Throwable e) {
        checked.completeExceptionally(e);
        ready.release(n);
      }
    }, "slipway-split", 64L << 20);
    t.setDaemon(true);
    t.start();
    int[] done = new int[1];
    try {
      Linter.standard(config, stats, seed).lintEach(n, i -> {
        ready.acquireUninterruptibly();
        if (split[i] == null) {
          // The split thread failed: its exception is the run's (as if the split had run here).
          join(checked);
        }
        return split[i];
      }, r -> {
        results[done[0]++] = r;
        linted.release();
      });
    } finally {
      linted.release(n); // the second thread stops at the first file the pass did not finish
    }
    join(checked);
    if (malformed[0] != null) {
      throw malformed[0];
    }
    return new LintReport(version, config.pgVersion(), java.util.Arrays.asList(reports));
  }

  /** A linted file's report: each statement with its facts, estimate and findings. */
  private LintReport.FileReport report(Migration m, Linter.FileResult result) {
    List<LintReport.StatementReport> sts = new ArrayList<>();
    for (Linter.Checked c : result.statements()) {
      Double seconds = estimator.seconds(c.statement(), c.findings());
      sts.add(new LintReport.StatementReport(c.statement(), StatementFacts.of(c.facts()), seconds, c.findings()));
    }
    return new LintReport.FileReport(m.file(), m.version(), m.text(), m.offset(), sts);
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
  }

  /**
   * Whether the tool that owns the format runs the file inside one transaction, so that statements that
   * cannot run in a transaction block fail: diesel, goose and Liquibase wrap each migration; Flyway too
   * unless every statement is non-transactional; golang-migrate sends the file as one multi-statement
   * query, which PostgreSQL runs as one implicit transaction.
   */
  static boolean runnerTransaction(Migration m, List<Statement> sts, int pgMajor) {
    if (!m.transactional()) return false;
    MigrationFormat f = m.format();
    if (f == MigrationFormat.DIESEL || f == MigrationFormat.GOOSE || f == MigrationFormat.LIQUIBASE
        || f == MigrationFormat.POPX) return true;
    if (f == MigrationFormat.FLYWAY || f == MigrationFormat.GOLANG_MIGRATE) {
      return sts.size() > 1 && sts.stream().anyMatch(s -> !nonTransactional(s, pgMajor));
    }
    return false;
  }

  /**
   * A statement the runner keeps out of its transaction: one PostgreSQL refuses in a transaction block
   * ({@link Transactions}, the one predicate trace and migrate use too), and ALTER TYPE … ADD VALUE, which
   * Flyway also runs on its own (from PostgreSQL 12 it may run in a block, but the value is unusable
   * until commit).
   */
  static boolean nonTransactional(Statement s, int pgMajor) {
    return !Transactions.mayRunInTransactionBlock(s.syntax(), pgMajor)
        || Transactions.usableOnlyAfterCommit(s.syntax(), pgMajor);
  }
}
