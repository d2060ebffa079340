package slipway.engine.migrate;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import slipway.core.BadInputException;

/** Durations written as PostgreSQL writes them: {@code 500ms}, {@code 2s}, {@code 5min}, {@code 1h}; a unit is required except for {@code 0}. */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(ms|s|sec|min|m|h)?");

  private Durations() {}

  public static Duration parse(String where, String text) {
    Matcher m = FORM.matcher(text.trim().toLowerCase());
    if (!m.matches()) {
      throw new BadInputException(where, "'" + text + "' is not a duration; write e.g. 500ms, 2s, 5min or 1h");
    }
    long n = Long.parseLong(m.group(1));
    if (m.group(2) == null && n != 0) {
      throw new BadInputException(where, "'" + text + "' has no unit; write e.g. 500ms, 2s, 5min or 1h");
    }
    String unit = m.group(2) == null ? "ms" : m.group(2);
    switch (unit) {
      case "ms": return Duration.ofMillis(n);
      case "min": case "m": return Duration.ofMinutes(n);
      case "h": return Duration.ofHours(n);
      default: return Duration.ofSeconds(n);
    }
  }

  /** As a PostgreSQL setting value in milliseconds ({@code 0} disables the timeout). */
  static String setting(Duration d) {
    return d.toMillis() + "ms";
  }

  /** Short human form: {@code 850ms}, {@code 2.0s}, {@code 3m12s}. */
  public static String human(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      return String.format("%.1fs", ms / 1000.0);
    }
    return (ms / 60_000) + "m" + (ms % 60_000) / 1000 + "s";
  }
}
