package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.CatalogReplay;
import slipway.core.lock.LockModel;
import slipway.core.lock.StatementFacts;
import slipway.core.sql.Span;
import slipway.core.sql.Splitter;
import slipway.core.sql.SqlStatement;
import slipway.core.sql.syntax.TransactionControl;

/**
 * Runs the rules over migration files in order: each file is checked against the schema replayed from
 * all earlier files, findings are filtered by configuration and inline suppressions.
 */
public final class Linter {
  /**
   * A migration: the file name as printed, its text, whether the runner wraps it in a transaction, and
   * where the text starts in the file (a goose Up section or a Liquibase changeset is a slice).
   */
  public record SourceFile(String name, String text, boolean runnerTransaction, int offset, int line) {
    public SourceFile(String name, String text) {
      this(name, text, false, 0, 1);
    }
  }

  /** A statement with what the lock model says it does and the rules' findings. */
  public record Checked(Statement statement, StatementFacts facts, List<Finding> findings) {
    public Checked(Statement statement, List<Finding> findings) {
      this(statement, null, findings);
    }
  }

  /** One file's result. */
  public record FileResult(SourceFile file, List<Checked> statements) {
    public List<Finding> findings() {
      List<Finding> all = new ArrayList<>();
      statements.forEach(c -> all.addAll(c.findings()));
      return all;
    }
  }

  private final List<Rule> rules;
  private final LintConfig config;
  private final Stats stats;
  private final Supplier<Catalog> seed;

  public Linter(List<Rule> rules, LintConfig config, Stats stats) {
    this(rules, config, stats, Catalog::new);
  }

  /**
   * {@code seed} gives the schema a lint run starts from (a fresh one per run: the run replays every
   * statement into it), e.g. read from a live database; otherwise an empty catalog.
   */
  public Linter(List<Rule> rules, LintConfig config, Stats stats, Supplier<Catalog> seed) {
    // The rules that are on and apply to the PostgreSQL version linted for, in order.
    List<Rule> on = new ArrayList<>();
    for (Rule r : rules) {
      if (config.enabled(r.info()) && r.info().versions().contains(config.pgVersion())) on.add(r);
    }
    this.rules = List.copyOf(on);
    this.config = config;
    this.stats = stats;
    this.seed = seed;
  }

  public static Linter standard(LintConfig config, Stats stats) {
    return new Linter(Rules.all(), config, stats);
  }

  public static Linter standard(LintConfig config, Stats stats, Supplier<Catalog> seed) {
    return new Linter(Rules.all(), config, stats, seed);
  }

  /** Lints every file; the first {@code given} files only build the schema (their findings are dropped). */
  public List<FileResult> lint(List<SourceFile> files) {
    return lint(List.of(), files);
  }

  public List<FileResult> lint(List<SourceFile> given, List<SourceFile> files) {
    Catalog schema = seed.get();
    for (SourceFile f : given) check(f, schema);
    List<FileResult> out = new ArrayList<>();
    for (SourceFile f : files) out.add(check(f, schema));
    return out;
  }

  /**
   * Lints every file with its statements already split ({@code split.get(i)} is
   * {@code split(files.get(i).name(), text, offset, line)}), so a caller that also needs the statements
   * (the lock facts) splits and lexes each file once.
   */
  public List<FileResult> lintSplit(List<SourceFile> files, List<List<Statement>> split) {
    Catalog schema = seed.get();
    List<FileResult> out = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) out.add(check(files.get(i), schema, split.get(i)));
    return out;
  }

  /**
   * A file with its statements split, as {@link #lintEach} takes them; {@code words} are the statements'
   * {@link slipway.core.catalog.Tokens} for the lock model and the replay (null: read here).
   */
  public record Split(SourceFile file, List<Statement> statements, List<slipway.core.catalog.Tokens> words) {
    public Split(SourceFile file, List<Statement> statements) {
      this(file, statements, null);
    }

    /** Reads every statement's {@link slipway.core.catalog.Tokens} now (e.g. on the thread that split them). */
    public Split withWords() {
      List<slipway.core.catalog.Tokens> w = new ArrayList<>(statements.size());
      for (Statement s : statements) w.add(Linter.words(s));
      return new Split(file, statements, w);
    }
  }

  /** The lock model's and the replay's words of a statement, from the splitter's tokens (no second lexing). */
  static slipway.core.catalog.Tokens words(Statement s) {
    SqlStatement src = s.source();
    return slipway.core.catalog.Tokens.of(s.text(), src.tokens(), src.span().offset());
  }

  /**
   * Lints {@code count} files in order, asking {@code next} for file {@code i} just before it is checked:
   * a caller can split (and lex) later files on another thread while earlier ones are checked here.
   */
  public List<FileResult> lintEach(int count, java.util.function.IntFunction<Split> next) {
    return lintEach(count, next, r -> { });
  }

  /** As {@link #lintEach(int, java.util.function.IntFunction)}, handing each file's result to {@code done} as soon as it is checked. */
  public List<FileResult> lintEach(int count, java.util.function.IntFunction<Split> next,
      java.util.function.Consumer<FileResult> done) {
    Catalog schema = seed.get();
    List<FileResult> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Split f = next.apply(i);
      FileResult r = check(f.file(), schema, f.statements(), f.words());
      out.add(r);
      done.accept(r);
    }
    return out;
  }

  /** Splits a migration into statements (psql meta-commands are left out). */
  public static List<Statement> split(String file, String source) {
    return split(file, source, 0, 1);
  }

  public static List<Statement> split(String file, String source, int offset, int line) {
    return split(file, Splitter.split(file, source), offset, line);
  }

  /** As {@link #split(String, String, int, int)}, from the splitter's statements of the text. */
  public static List<Statement> split(String file, List<SqlStatement> statements, int offset, int line) {
    List<Statement> out = new ArrayList<>(statements.size());
    for (SqlStatement st : statements) {
      if (st.psqlMetaCommand() || st.tokens().isEmpty()) continue;
      Span sp = st.span();
      Span shifted = new Span(file, sp.line() + line - 1, sp.column(), sp.offset() + offset, sp.length());
      out.add(new Statement(shifted, st.text(), st));
    }
    return out;
  }

  FileResult check(SourceFile file, Catalog schema) {
    return check(file, schema, split(file.name(), file.text(), file.offset(), file.line()));
  }

  /**
   * Checks one migration against the schema as it stands, then replays it into the schema: for each
   * statement the lock model classifies it against the schema before it, the rules read those facts,
   * then the statement is applied. One reading of the SQL, one schema, one set of facts.
   */
  FileResult check(SourceFile file, Catalog schema, List<Statement> statements) {
    return check(file, schema, statements, null);
  }

  private FileResult check(SourceFile file, Catalog schema, List<Statement> statements,
      List<slipway.core.catalog.Tokens> words) {
    schema.beginMigration();
    List<Suppression> suppressions = Suppression.in(file.text(), file.offset(), file.line());
    boolean wrapped = (config.assumeInTransaction() || file.runnerTransaction()) && !optsOutOfTransaction(file);
    boolean down = isDown(file.name());
    boolean explicit = false;
    List<Checked> checked = new ArrayList<>();
    List<StatementFacts> factsSoFar = new ArrayList<>();
    List<StatementFacts> earlierFacts = java.util.Collections.unmodifiableList(factsSoFar);
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      if (beginsTransaction(s)) explicit = true;
      boolean inTx = explicit || wrapped;
      slipway.core.catalog.Tokens tokens = words != null ? words.get(i) : words(s);
      StatementFacts facts = LockModel.classify(tokens, schema, config.pgVersion());
      Context c = new Context(s, statements, i, schema, facts, config, stats, inTx, wrapped, down)
          .withEarlierFacts(earlierFacts);
      List<Finding> found = new ArrayList<>();
      // Indexed loops: this runs for every rule on every statement, mostly before the JIT compiles it.
      for (int k = 0; k < rules.size(); k++) {
        List<Finding> made = rules.get(k).check(c);
        for (int j = 0; j < made.size(); j++) {
          Finding f = made.get(j);
          if (!suppressed(f, s, statements, i, suppressions)) found.add(f.withSeverity(config.severity(f)));
        }
      }
      if (!stats.tables().isEmpty()) found = new Estimate(stats).annotate(s, found, config);
      checked.add(new Checked(s, facts, found));
      factsSoFar.add(facts);
      if (endsTransaction(s)) explicit = false;
      CatalogReplay.applyTokens(schema, tokens);
    }
    reportInvalidSuppressions(suppressions, statements, checked, file);
    return new FileResult(file, checked);
  }

  /** BEGIN or START TRANSACTION (read from the syntax tree). */
  static boolean beginsTransaction(Statement s) {
    return s.syntax() instanceof TransactionControl tc && tc.action().equals("BEGIN");
  }

  /** COMMIT/END, ROLLBACK/ABORT or PREPARE TRANSACTION: the session's transaction is over. */
  static boolean endsTransaction(Statement s) {
    return s.syntax() instanceof TransactionControl tc && (tc.action().equals("COMMIT")
        || tc.action().equals("ROLLBACK") || tc.action().equals("PREPARE_TRANSACTION"));
  }

  private void reportInvalidSuppressions(List<Suppression> suppressions, List<Statement> statements,
      List<Checked> checked, SourceFile file) {
    RuleInfo info = InvalidSuppression.INFO;
    if (!config.enabled(info) || checked.isEmpty()) return;
    for (Suppression sup : suppressions) {
      if (sup.valid()) continue;
      int target = targetOf(sup, statements);
      if (target < 0) target = statements.size() - 1;
      String why = sup.ruleId().isEmpty() ? "names no rule"
          : Rules.byId(sup.ruleId()) == null ? "names an unknown rule '" + sup.ruleId() + "'"
          : "gives no reason";
      Span span = new Span(file.name(), sup.line(), columnOf(file.text(), sup.offset() - file.offset()), sup.offset(),
          "slipway:ignore".length() + 3);
      Finding f = Finding.of(info, span, "this suppression " + why + " and is ignored")
          .instead("-- slipway:ignore " + (sup.ruleId().isEmpty() ? "<rule-id>" : sup.ruleId())
              + " <why this is safe here>")
          .withSeverity(config.severity(info));
      Checked c = checked.get(target);
      List<Finding> all = new ArrayList<>(c.findings());
      all.add(f);
      checked.set(target, new Checked(c.statement(), c.facts(), all));
    }
  }

  private static int columnOf(String text, int offset) {
    int nl = text.lastIndexOf('\n', offset - 1);
    return offset - nl;
  }

  private static boolean suppressed(Finding f, Statement s, List<Statement> all, int index,
      List<Suppression> suppressions) {
    for (Suppression sup : suppressions) {
      if (sup.valid() && sup.ruleId().equals(f.rule().id()) && targetOf(sup, all) == index) return true;
    }
    return false;
  }

  /** The statement a comment applies to: the one whose last line it ends, else the next one. */
  static int targetOf(Suppression sup, List<Statement> all) {
    return targetOf(sup.offset(), sup.line(), all);
  }

  static int targetOf(int offset, int line, List<Statement> all) {
    for (int i = 0; i < all.size(); i++) {
      Span sp = all.get(i).span();
      int endLine = sp.line() + (int) all.get(i).text().chars().filter(ch -> ch == '\n').count();
      if (sp.offset() <= offset && endLine == line) return i;
      if (sp.offset() > offset) return i;
    }
    return -1;
  }

  /** Runner markers that keep a file out of a transaction (goose, ory/popx autocommit files). */
  static boolean optsOutOfTransaction(SourceFile file) {
    String name = file.name().toLowerCase(Locale.ROOT);
    return name.contains(".autocommit.") || name.contains("notransaction") || name.contains("no_transaction")
        || file.text().contains("+goose NO TRANSACTION")
        || file.text().contains("executeInTransaction=false");
  }

  private static final java.util.regex.Pattern FLYWAY_UNDO = java.util.regex.Pattern.compile("u\\d.*__.*");

  static boolean isDown(String name) {
    String n = name.replace('\\', '/').toLowerCase(Locale.ROOT);
    String base = n.substring(n.lastIndexOf('/') + 1);
    return base.equals("down.sql") || base.endsWith(".down.sql") || base.startsWith("u") && FLYWAY_UNDO.matcher(base).matches()
        || base.contains("_down.") || n.contains("/down/");
  }
}
