package slipway.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import slipway.core.rule.Estimate;
import slipway.core.rule.LintConfig;
import slipway.core.rule.Linter;
import slipway.core.rule.Statement;
import slipway.core.rule.Stats;
import slipway.core.source.Migration;
import slipway.core.source.MigrationFormat;

/** Lints loaded migrations and assembles the {@link LintReport} the reporters print. */
public final class LintRunner {
  private final LintConfig config;
  private final Stats stats;
  private final String version;
  private Function<Statement, StatementFacts> facts = s -> null;
  private final Estimate estimator;

  public LintRunner(LintConfig config, Stats stats, String version) {
    this.config = config;
    this.stats = stats;
    this.version = version;
    this.estimator = new Estimate(stats);
  }

  private java.util.function.Consumer<List<Migration>> precheck = m -> { };

  /**
   * A check of the whole input that may reject it (malformed SQL is bad input): run on the facts thread,
   * alongside the rules, and its exception is thrown from {@link #run} before anything is reported.
   */
  public LintRunner precheck(java.util.function.Consumer<List<Migration>> check) {
    this.precheck = check;
    return this;
  }

  /** Where lock facts come from (the lock model); without it the JSON carries findings only. */
  public LintRunner facts(Function<Statement, StatementFacts> f) {
    this.facts = f;
    return this;
  }

  public LintReport run(List<Migration> migrations) {
    // Each file is split (and lexed) once; the rules and the lock facts read the same statements. The
    // facts thread reads only their text and span (immutable); the rules' memos stay on this thread.
    List<Linter.SourceFile> files = new ArrayList<>();
    List<List<Statement>> split = new ArrayList<>();
    for (Migration m : migrations) {
      List<Statement> sts = Linter.split(m.file(), m.text(), m.offset(), m.line());
      split.add(sts);
      files.add(new Linter.SourceFile(m.file(), m.text(), runnerTransaction(m, sts), m.offset(), m.line()));
    }
    // The facts function is independent of the rules (it keeps its own schema replay, statements in
    // order), so it runs on a second thread while the rules run; its own thread has a deep stack
    // because generated SQL can nest expressions very deeply.
    CompletableFuture<List<List<StatementFacts>>> allFacts = new CompletableFuture<>();
    Thread t = new Thread(null, () -> {
      try {
        precheck.accept(migrations);
        allFacts.complete(facts(split));
      } catch (Throwable e) {
        allFacts.completeExceptionally(e);
      }
    }, "slipway-lock-facts", 64L << 20);
    t.setDaemon(true);
    t.start();
    List<Linter.FileResult> results = Linter.standard(config, stats).lintSplit(files, split);
    List<List<StatementFacts>> factsPerFile = join(allFacts);
    List<LintReport.FileReport> out = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      Migration m = migrations.get(i);
      List<LintReport.StatementReport> sts = new ArrayList<>();
      List<Linter.Checked> checked = results.get(i).statements();
      for (int j = 0; j < checked.size(); j++) {
        Linter.Checked c = checked.get(j);
        Double seconds = estimator.seconds(c.statement(), c.findings());
        StatementFacts f = j < factsPerFile.get(i).size() ? factsPerFile.get(i).get(j) : null;
        sts.add(new LintReport.StatementReport(c.statement(), f, seconds, c.findings()));
      }
      out.add(new LintReport.FileReport(m.file(), m.version(), m.text(), m.offset(), sts));
    }
    return new LintReport(version, config.pgVersion(), out);
  }

  private List<List<StatementFacts>> facts(List<List<Statement>> split) {
    List<List<StatementFacts>> out = new ArrayList<>();
    for (List<Statement> statements : split) {
      List<StatementFacts> list = new ArrayList<>();
      for (Statement s : statements) {
        StatementFacts sf;
        try {
          sf = facts.apply(s);
        } catch (RuntimeException | StackOverflowError e) {
          sf = null; // a shape the model does not know: the JSON then carries the findings only
        }
        list.add(sf);
      }
      out.add(list);
    }
    return out;
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
  static boolean runnerTransaction(Migration m) {
    return runnerTransaction(m, Linter.split(m.file(), m.text()));
  }

  /** {@link #runnerTransaction(Migration)} with the migration's statements already split. */
  static boolean runnerTransaction(Migration m, List<Statement> sts) {
    if (!m.transactional()) return false;
    MigrationFormat f = m.format();
    if (f == MigrationFormat.DIESEL || f == MigrationFormat.GOOSE || f == MigrationFormat.LIQUIBASE
        || f == MigrationFormat.POPX) return true;
    if (f == MigrationFormat.FLYWAY || f == MigrationFormat.GOLANG_MIGRATE) {
      return sts.size() > 1 && sts.stream().anyMatch(s -> !nonTransactional(s));
    }
    return false;
  }

  static boolean nonTransactional(Statement s) {
    return s.findAnywhere(0, "CONCURRENTLY") >= 0 || s.startsWith("VACUUM")
        || s.startsWith("ALTER", "TYPE") && s.contains("ADD", "VALUE") || s.startsWith("ALTER", "SYSTEM");
  }
}
