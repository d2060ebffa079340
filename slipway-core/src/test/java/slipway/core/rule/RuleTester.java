package slipway.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL in, findings out. {@code -- expect: <rule-id> [text]} marks the next statement; an unmarked finding
 * of the rules under test fails, and so does a marked statement without the finding. {@link #fix} checks
 * the rewrite and re-lints it clean.
 */
final class RuleTester {
  private static final Pattern EXPECT = Pattern.compile("--\\s*expect:\\s*(\\S+)\\s*(.*)");

  private final List<Rule> rules;
  private final List<String> given;
  private final LintConfig config;
  private final Stats stats;

  private RuleTester(List<Rule> rules, List<String> given, LintConfig config, Stats stats) {
    this.rules = rules;
    this.given = given;
    this.config = config;
    this.stats = stats;
  }

  static RuleTester of(Rule... rules) {
    return new RuleTester(List.of(rules), List.of(), LintConfig.DEFAULT, Stats.NONE);
  }

  /** Earlier migrations: build the schema; their findings are ignored. */
  RuleTester given(String... migrations) {
    List<String> g = new ArrayList<>(given);
    g.addAll(List.of(migrations));
    return new RuleTester(rules, g, config, stats);
  }

  RuleTester config(LintConfig c) {
    return new RuleTester(rules, given, c, stats);
  }

  RuleTester stats(Stats s) {
    return new RuleTester(rules, given, config, s);
  }

  RuleTester pg(int major) {
    return config(config.withPgVersion(major));
  }

  RuleTester inTransaction() {
    return config(config.withAssumeInTransaction(true));
  }

  List<Finding> lint(String sql) {
    return lint("V100__test.sql", sql);
  }

  List<Finding> lint(String file, String sql) {
    List<Linter.SourceFile> g = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) g.add(new Linter.SourceFile("V" + (i + 1) + "__given.sql", given.get(i)));
    return new Linter(rules, config, stats).lint(g, List.of(new Linter.SourceFile(file, sql))).get(0).findings();
  }

  void check(String sql) {
    check("V100__test.sql", sql);
  }

  /** Lints {@code sql} (as file {@code file}) and compares findings with the expect markers. */
  void check(String file, String sql) {
    List<Statement> statements = Linter.split(file, sql);
    List<String> expected = new ArrayList<>();
    for (Tokens.Comment c : Tokens.comments(sql)) {
      Matcher m = EXPECT.matcher(c.text());
      if (!m.lookingAt()) continue;
      int line = Suppression.lineOf(sql, c.offset());
      int target = Linter.targetOf(c.offset(), line, statements);
      if (target < 0) fail("expect marker at line " + line + " has no statement after it");
      expected.add(statements.get(target).span().line() + " " + m.group(1) + "|" + m.group(2).trim());
    }
    List<Finding> findings = lint(file, sql);
    List<String> actual = new ArrayList<>();
    for (Finding f : findings) {
      int line = statementLine(statements, f);
      actual.add(line + " " + f.rule().id());
    }
    List<String> missing = new ArrayList<>();
    List<String> remaining = new ArrayList<>(actual);
    for (String e : expected) {
      String key = e.substring(0, e.indexOf('|'));
      String text = e.substring(e.indexOf('|') + 1);
      int at = remaining.indexOf(key);
      if (at < 0) { missing.add(key); continue; }
      remaining.remove(at);
      if (!text.isEmpty()) {
        boolean contains = findings.stream().anyMatch(f -> (statementLine(statements, f) + " " + f.rule().id()).equals(key)
            && (f.message().contains(text) || (f.instead() != null && f.instead().contains(text))));
        if (!contains) fail("finding " + key + " does not mention '" + text + "': " + findings);
      }
    }
    if (!missing.isEmpty() || !remaining.isEmpty()) {
      fail("expected but not found (line rule): " + missing + "\nfound but not expected: " + remaining
          + "\nall findings: " + describe(findings));
    }
  }

  /** The fixes of every finding turn {@code before} into {@code after}, and {@code after} lints clean. */
  void fix(String before, String after) {
    List<Finding> findings = lint(before);
    List<Fix> fixes = new ArrayList<>();
    for (Finding f : findings) if (f.fix() != null) fixes.add(f.fix());
    if (fixes.isEmpty()) fail("no fix offered: " + describe(findings));
    assertEquals(after, Fix.apply(before, fixes));
    List<Finding> again = lint(after);
    if (!again.isEmpty()) fail("the fixed SQL is not clean: " + describe(again));
  }

  private static int statementLine(List<Statement> statements, Finding f) {
    int line = f.span().line();
    for (Statement s : statements) {
      int end = s.span().line() + (int) s.text().chars().filter(ch -> ch == '\n').count();
      if (f.span().offset() >= s.span().offset() && f.span().offset() <= s.span().end()) return s.span().line();
      if (line >= s.span().line() && line <= end) return s.span().line();
    }
    // A finding on a comment (a suppression) counts on the statement the comment belongs to.
    int t = Linter.targetOf(f.span().offset(), line, statements);
    return t < 0 ? line : statements.get(t).span().line();
  }

  private static String describe(List<Finding> findings) {
    StringBuilder b = new StringBuilder();
    for (Finding f : findings) {
      b.append("\n  ").append(f.span()).append(' ').append(f.rule().id()).append(": ").append(f.message());
    }
    return b.toString();
  }
}
