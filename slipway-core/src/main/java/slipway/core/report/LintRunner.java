package slipway.core.report;

import java.util.ArrayList;
import java.util.List;
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

  /** Where lock facts come from (the lock model); without it the JSON carries findings only. */
  public LintRunner facts(Function<Statement, StatementFacts> f) {
    this.facts = f;
    return this;
  }

  public LintReport run(List<Migration> migrations) {
    List<Linter.SourceFile> files = new ArrayList<>();
    for (Migration m : migrations) {
      files.add(new Linter.SourceFile(m.file(), m.text(), runnerTransaction(m), m.offset(), m.line()));
    }
    List<Linter.FileResult> results = Linter.standard(config, stats).lint(files);
    List<LintReport.FileReport> out = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      Migration m = migrations.get(i);
      List<LintReport.StatementReport> sts = new ArrayList<>();
      for (Linter.Checked c : results.get(i).statements()) {
        Double seconds = estimator.seconds(c.statement(), c.findings());
        sts.add(new LintReport.StatementReport(c.statement(), facts.apply(c.statement()), seconds, c.findings()));
      }
      out.add(new LintReport.FileReport(m.file(), m.version(), m.text(), m.offset(), sts));
    }
    return new LintReport(version, config.pgVersion(), out);
  }

  /**
   * Whether the tool that owns the format runs the file inside one transaction, so that statements that
   * cannot run in a transaction block fail: diesel, goose and Liquibase wrap each migration; Flyway too
   * unless every statement is non-transactional; golang-migrate sends the file as one multi-statement
   * query, which PostgreSQL runs as one implicit transaction.
   */
  static boolean runnerTransaction(Migration m) {
    if (!m.transactional()) return false;
    MigrationFormat f = m.format();
    if (f == MigrationFormat.DIESEL || f == MigrationFormat.GOOSE || f == MigrationFormat.LIQUIBASE
        || f == MigrationFormat.POPX) return true;
    if (f == MigrationFormat.FLYWAY || f == MigrationFormat.GOLANG_MIGRATE) {
      List<Statement> sts = Linter.split(m.file(), m.text());
      return sts.size() > 1 && sts.stream().anyMatch(s -> !nonTransactional(s));
    }
    return false;
  }

  static boolean nonTransactional(Statement s) {
    return s.findAnywhere(0, "CONCURRENTLY") >= 0 || s.startsWith("VACUUM")
        || s.startsWith("ALTER", "TYPE") && s.contains("ADD", "VALUE") || s.startsWith("ALTER", "SYSTEM");
  }
}
