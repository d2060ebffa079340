package slipway.core.rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import slipway.core.BadInputException;

/**
 * Lint settings, read from {@code slipway.toml} (a small TOML subset parsed here; core has no
 * dependencies):
 * <pre>
 * pg-version = 16                      # the production major
 * paths = ["db/migration"]             # what `slipway lint` checks when no path is given
 * assume-in-transaction = true         # the runner wraps each file in a transaction (Flyway, Rails…)
 * fail-on = "warning"
 *
 * [rules]
 * require-lock-timeout = "warning"     # raise an info rule
 * prefer-text = "off"                  # or turn one off
 * </pre>
 */
public record LintConfig(int pgVersion, List<String> paths, boolean assumeInTransaction, Severity failOn,
    Map<String, String> ruleSettings) {
  public static final int DEFAULT_PG_VERSION = 18;
  public static final LintConfig DEFAULT =
      new LintConfig(DEFAULT_PG_VERSION, List.of(), false, Severity.WARNING, Map.of());

  public LintConfig {
    paths = List.copyOf(paths);
    ruleSettings = Map.copyOf(ruleSettings);
  }

  public boolean enabled(RuleInfo rule) {
    return !"off".equalsIgnoreCase(ruleSettings.getOrDefault(rule.id(), ""));
  }

  /** The configured severity of a rule, or its default. */
  /**
   * A finding's effective severity: the one configured for its rule, else the one the rule gave it (a rule
   * may lower its default for one finding, e.g. when it lacks the column's current type).
   */
  public Severity severity(Finding f) {
    String s = ruleSettings.get(f.rule().id());
    return s == null || s.equalsIgnoreCase("on") || s.equalsIgnoreCase("off") ? f.severity() : severity(f.rule());
  }

  public Severity severity(RuleInfo rule) {
    String s = ruleSettings.get(rule.id());
    if (s == null || s.equalsIgnoreCase("on") || s.equalsIgnoreCase("off")) return rule.severity();
    return Severity.parse("slipway.toml [rules] " + rule.id(), s);
  }

  public LintConfig withPgVersion(int v) {
    return new LintConfig(v, paths, assumeInTransaction, failOn, ruleSettings);
  }

  public LintConfig withAssumeInTransaction(boolean v) {
    return new LintConfig(pgVersion, paths, v, failOn, ruleSettings);
  }

  public LintConfig withFailOn(Severity s) {
    return new LintConfig(pgVersion, paths, assumeInTransaction, s, ruleSettings);
  }

  public LintConfig withRule(String id, String setting) {
    Map<String, String> m = new HashMap<>(ruleSettings);
    m.put(id, setting);
    return new LintConfig(pgVersion, paths, assumeInTransaction, failOn, m);
  }

  public static LintConfig read(Path file) {
    try {
      return parse(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read the configuration file: " + e.getMessage());
    }
  }

  public static LintConfig parse(String file, String text) {
    int pg = DEFAULT_PG_VERSION;
    List<String> paths = new ArrayList<>();
    boolean inTx = false;
    Severity failOn = Severity.WARNING;
    Map<String, String> rules = new HashMap<>();
    String section = "";
    String[] lines = text.split("\r?\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String where = file + ":" + (n + 1) + ":1";
      String line = stripComment(lines[n]).trim();
      if (line.isEmpty()) continue;
      if (line.startsWith("[")) {
        if (!line.endsWith("]")) throw new BadInputException(where, "section header without ']'; write [rules]");
        section = line.substring(1, line.length() - 1).trim();
        if (!section.equals("rules")) {
          throw new BadInputException(where, "unknown section [" + section + "]; the only section is [rules]");
        }
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) throw new BadInputException(where, "expected key = value, got '" + line + "'");
      String key = unquote(line.substring(0, eq).trim());
      String value = line.substring(eq + 1).trim();
      if (section.equals("rules")) {
        String v = unquote(value);
        if (!v.equalsIgnoreCase("off") && !v.equalsIgnoreCase("on")) Severity.parse(where, v);
        if (Rules.byId(key) == null) {
          throw new BadInputException(where, "unknown rule '" + key + "'; see docs/rules/ for the ids");
        }
        rules.put(key, v.toLowerCase());
        continue;
      }
      switch (key) {
        case "pg-version" -> {
          try {
            pg = Integer.parseInt(unquote(value));
          } catch (NumberFormatException e) {
            throw new BadInputException(where, "pg-version must be a major version number such as 16");
          }
        }
        case "paths" -> {
          if (!value.startsWith("[") || !value.endsWith("]")) {
            throw new BadInputException(where, "paths must be a list: paths = [\"db/migration\"]");
          }
          for (String p : value.substring(1, value.length() - 1).split(",")) {
            if (!p.isBlank()) paths.add(unquote(p.trim()));
          }
        }
        case "assume-in-transaction" -> inTx = bool(where, value);
        case "fail-on" -> failOn = Severity.parse(where, unquote(value));
        default -> throw new BadInputException(where, "unknown key '" + key
            + "'; use pg-version, paths, assume-in-transaction, fail-on or a [rules] section");
      }
    }
    return new LintConfig(pg, paths, inTx, failOn, rules);
  }

  private static boolean bool(String where, String v) {
    if (v.equals("true")) return true;
    if (v.equals("false")) return false;
    throw new BadInputException(where, "expected true or false, got '" + v + "'");
  }

  private static String stripComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') quoted = !quoted;
      else if (c == '#' && !quoted) return line.substring(0, i);
    }
    return line;
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
