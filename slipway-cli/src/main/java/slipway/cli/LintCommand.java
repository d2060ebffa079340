package slipway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import slipway.core.BadInputException;
import slipway.core.catalog.Catalog;
import slipway.engine.introspect.CatalogIntrospection;
import slipway.core.report.GithubReport;
import slipway.core.report.JsonReport;
import slipway.core.report.LintReport;
import slipway.core.report.LintRunner;
import slipway.core.report.SarifReport;
import slipway.core.report.TextReport;
import slipway.core.rule.Finding;
import slipway.core.rule.Fix;
import slipway.core.rule.LintConfig;
import slipway.core.rule.Severity;
import slipway.core.rule.Stats;
import slipway.core.rule.StatsFile;
import slipway.core.lock.LockModel;
import slipway.core.source.Migration;
import slipway.core.source.MigrationLoader;

@Command(name = "lint", mixinStandardHelpOptions = true,
    description = "Say what each migration statement blocks, and what to write instead.",
    footer = {"%nExample: slipway lint examples --format sarif",
        "Configuration: slipway.toml in the current folder (or --config): pg-version, paths,",
        "  assume-in-transaction, fail-on, and a [rules] section (rule = \"off\" | \"info\" | \"warning\" | \"error\").",
        "Suppress one finding: -- slipway:ignore <rule-id> <reason>  (the reason is required)",
        "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad input"})
final class LintCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "0..*", parameterConsumer = Paths.class,
      description = "Migration files or folders (Flyway, Prisma, golang-migrate, goose, diesel, Liquibase SQL), or - for stdin.")
  List<String> paths = new ArrayList<>();

  /**
   * Takes a run of paths in one go, up to the next argument that looks like an option (picocli then reads
   * that one as it would): picocli's own reading checks every value against every option, 30–50 ms of a cold
   * start for 1,751 paths (`slipway lint $(git ls-files '*.sql')`).
   */
  static final class Paths implements picocli.CommandLine.IParameterConsumer {
    @Override
    public void consumeParameters(java.util.Stack<String> args, picocli.CommandLine.Model.ArgSpec argSpec,
        CommandSpec commandSpec) {
      List<String> into = argSpec.getValue();
      // picocli hands over when the next argument is a positional one (also after "--"): take it, then the
      // following ones while none looks like an option ("-" alone is standard input, a path).
      into.add(args.pop());
      while (!args.isEmpty() && !(args.peek().startsWith("-") && args.peek().length() > 1)) {
        into.add(args.pop());
      }
    }
  }

  @Option(names = "--format", defaultValue = "text", description = "text, json, sarif or github (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--fail-on", description = "Exit 1 on findings at or above this severity: error, warning or info (default: warning).")
  String failOn;

  @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: ./slipway.toml when present).")
  Path config;

  @Option(names = "--pg-version", paramLabel = "MAJOR", description = "PostgreSQL major of production, 13 to 18 (default: 18, the newest).")
  Integer pgVersion;

  @Option(names = "--assume-in-transaction", description = "The migration runner wraps every file in a transaction.")
  Boolean assumeInTransaction;

  @Option(names = "--stats", paramLabel = "FILE", description = "Table sizes from `slipway stats export`: fills estimatedLockSeconds.")
  Path stats;

  @picocli.CommandLine.Mixin ConnectionOptions connection;

  @Option(names = "--fix", description = "Rewrite the files where there is exactly one safe rewrite, then report what is left.")
  boolean fix;

  @Spec CommandSpec spec;

  /** The migrations being read ahead while picocli built this command (see {@link LintPrefetch}), or null. */
  LintPrefetch prefetch;

  @Override
  public Integer call() throws IOException {
    LintConfig cfg = loadConfig();
    if (pgVersion != null) cfg = cfg.withPgVersion(pgVersion);
    if (assumeInTransaction != null) cfg = cfg.withAssumeInTransaction(assumeInTransaction);
    if (failOn != null) cfg = cfg.withFailOn(Severity.parse("--fail-on", failOn));
    if (!LockModel.supports(cfg.pgVersion())) {
      throw new BadInputException(pgVersion != null ? "--pg-version" : "slipway.toml pg-version",
          "unknown PostgreSQL major " + cfg.pgVersion() + "; use " + LockModel.OLDEST + " to " + LockModel.NEWEST);
    }
    List<String> targets = paths.isEmpty() ? cfg.paths() : paths;
    if (targets.isEmpty()) {
      throw new BadInputException("slipway lint", "no migrations given; pass files or folders, or set paths in slipway.toml");
    }
    if (!List.of("text", "json", "sarif", "github").contains(format)) {
      throw new BadInputException("--format", "unknown format '" + format + "'; use text, json, sarif or github");
    }
    Stats sizes = stats == null ? Stats.NONE : StatsFile.read(stats);
    Catalog seed = null;
    if (connection != null && connection.url != null) {
      // --url: read the sizes and the schema from the live database (catalog and statistics only, no
      // rows); the migrations are then replayed on top of that schema.
      var url = connection.requiredExplicitly("slipway lint");
      try (var c = url.connect()) {
        sizes = slipway.engine.stats.StatsExport.export(c);
        seed = CatalogIntrospection.read(c);
      } catch (java.sql.SQLException e) {
        throw new BadInputException(url.redacted(), "cannot read the schema and table sizes: "
            + url.scrub(String.valueOf(e.getMessage())));
      }
    }
    String version = Main.class.getPackage().getImplementationVersion();
    LintRunner runner = new LintRunner(cfg, sizes, version == null ? "dev" : version);
    List<Migration> migrations = LintPrefetch.load(prefetch, targets);
    Catalog live = seed;
    // JSON is rendered file by file while later files are linted (on the run's second thread).
    JsonReport.Streaming json = format.equals("json") ? new JsonReport.Streaming() : null;
    LintReport report = runner.wellFormed()
        .seed(live == null ? Catalog::new : () -> live).run(migrations, json);
    PrintWriter out = spec.commandLine().getOut();
    if (fix) {
      int fixed = applyFixes(report, spec.commandLine().getErr());
      if (fixed > 0) {
        json = format.equals("json") ? new JsonReport.Streaming() : null;
        report = runner.seed(live == null ? Catalog::new : this::liveSchema).run(MigrationLoader.load(targets), json);
      }
    }
    switch (format) {
      case "json" -> json.write(report, out);
      case "sarif" -> SarifReport.write(report, out);
      case "github" -> GithubReport.write(report, out);
      default -> TextReport.write(report, out);
    }
    return report.failsAt(cfg.failOn()) ? 1 : 0;
  }

  /** The live database's schema again (after --fix: the first run replayed the migrations into the first copy). */
  private Catalog liveSchema() {
    var url = connection.requiredExplicitly("slipway lint");
    try (var c = url.connect()) {
      return CatalogIntrospection.read(c);
    } catch (java.sql.SQLException e) {
      throw new BadInputException(url.redacted(), "cannot read the schema: " + url.scrub(String.valueOf(e.getMessage())));
    }
  }

  private LintConfig loadConfig() {
    if (config != null) {
      if (!Files.isRegularFile(config)) {
        throw new BadInputException(config.toString(), "no such configuration file; create it or drop --config");
      }
      return LintConfig.read(config);
    }
    Path here = Path.of("slipway.toml");
    return Files.isRegularFile(here) ? LintConfig.read(here) : LintConfig.DEFAULT;
  }

  /** Applies every fix, file by file (a file's edits are in its own offsets); returns how many were applied. */
  private int applyFixes(LintReport report, PrintWriter err) throws IOException {
    Map<String, List<Fix>> byFile = new LinkedHashMap<>();
    for (LintReport.FileReport f : report.files()) {
      for (LintReport.StatementReport st : f.statements()) {
        for (Finding x : st.findings()) {
          if (x.fix() != null) byFile.computeIfAbsent(x.span().file(), k -> new ArrayList<>()).add(x.fix());
        }
      }
    }
    int n = 0;
    for (Map.Entry<String, List<Fix>> e : byFile.entrySet()) {
      Path file = resolve(e.getKey());
      if (file == null) {
        err.println("slipway: cannot fix " + e.getKey() + " (standard input); write it to a file first");
        continue;
      }
      String before = Files.readString(file);
      String after = Fix.apply(before, e.getValue());
      if (!after.equals(before)) {
        Files.writeString(file, after);
        n += e.getValue().size();
        err.println("fixed " + e.getValue().size() + " finding(s) in " + e.getKey());
      }
    }
    return n;
  }

  /** The file a finding names: as given, or relative to a folder that was given. */
  private Path resolve(String name) {
    if (name.equals("<stdin>")) return null;
    Path p = Path.of(name);
    if (Files.isRegularFile(p)) return p;
    for (String t : paths) {
      Path q = Path.of(t);
      if (Files.isDirectory(q) && Files.isRegularFile(q.resolve(name))) return q.resolve(name);
      if (Files.isRegularFile(q) && q.getFileName().toString().equals(name)) return q;
    }
    return null;
  }
}
