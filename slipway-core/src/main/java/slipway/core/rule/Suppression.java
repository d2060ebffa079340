package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inline {@code -- slipway:ignore <rule-id> <reason>} comment. It silences that rule on the statement
 * it precedes (or ends the line of). The reason is required: a suppression without one, or naming no
 * known rule, does not apply and is itself reported.
 */
public record Suppression(String ruleId, String reason, int line, int offset) {
  private static final Pattern IGNORE = Pattern.compile("slipway:ignore\\b\\s*(\\S*)\\s*(.*)");

  public static List<Suppression> in(String source) {
    return in(source, 0, 1);
  }

  /** Suppressions in a migration whose text starts at {@code offset}, line {@code line} of its file. */
  public static List<Suppression> in(String source, int offset, int line) {
    List<Suppression> out = new ArrayList<>();
    if (!source.contains("slipway:ignore")) return out;
    for (Tokens.Comment c : Tokens.comments(source)) {
      String body = c.text().startsWith("--") ? c.text().substring(2)
          : c.text().substring(2, Math.max(2, c.text().length() - 2));
      Matcher m = IGNORE.matcher(body.trim());
      if (!m.lookingAt()) continue;
      out.add(new Suppression(m.group(1).trim(), m.group(2).trim(), lineOf(source, c.offset()) + line - 1,
          c.offset() + offset));
    }
    return out;
  }

  public boolean valid() {
    return !ruleId.isEmpty() && !reason.isEmpty() && Rules.byId(ruleId) != null;
  }

  static int lineOf(String source, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < source.length(); i++) if (source.charAt(i) == '\n') line++;
    return line;
  }
}
