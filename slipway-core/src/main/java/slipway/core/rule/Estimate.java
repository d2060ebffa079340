package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns table sizes into how long a flagged statement keeps others waiting, and applies the playbook's
 * thresholds: over 30 s it needs expand/contract, over 5 min batched execution, over 30 min a maintenance
 * plan. The throughputs are conservative figures measured on the embedded server; docs/estimates.md
 * says how, and how well they matched.
 */
public final class Estimate {
  /** Bytes per second PostgreSQL rewrites (heap + rebuilt indexes) under ACCESS EXCLUSIVE. */
  static final double REWRITE_BYTES_PER_SECOND = 30e6;
  /** Bytes per second a validating scan (SET NOT NULL, CHECK, FOREIGN KEY) reads. */
  static final double SCAN_BYTES_PER_SECOND = 150e6;
  /** Rows per second a b-tree index build sorts and writes (one column). */
  static final double INDEX_ROWS_PER_SECOND = 0.8e6;
  /** Rows per second one UPDATE/DELETE changes (new row versions, index entries, WAL). */
  static final double ROW_CHANGES_PER_SECOND = 60e3;

  private final Stats stats;

  public Estimate(Stats stats) {
    this.stats = stats;
  }

  /** The longest estimated blocking time over the statement's flagged work, or null without sizes. */
  public Double seconds(Statement s, List<Finding> findings) {
    Double worst = null;
    for (Finding f : findings) {
      Double sec = seconds(Work.of(s, f.rule().id()));
      if (sec != null && (worst == null || sec > worst)) worst = sec;
    }
    return worst;
  }

  Double seconds(Work w) {
    if (w == null) return null;
    Stats.TableStats t = stats.of(w.table().toString());
    if (t == null) return null;
    return switch (w.kind()) {
      case REWRITE -> t.bytes() / REWRITE_BYTES_PER_SECOND;
      case SCAN -> t.bytes() / SCAN_BYTES_PER_SECOND;
      case INDEX_BUILD -> t.rows() / INDEX_ROWS_PER_SECOND;
      case ROW_CHANGE -> t.rows() / ROW_CHANGES_PER_SECOND;
    };
  }

  /** Makes each sized finding concrete, and adds the 30-second finding when only a warning or info said so. */
  List<Finding> annotate(Statement s, List<Finding> findings, LintConfig config) {
    List<Finding> out = new ArrayList<>();
    boolean errorAlready = false;
    Finding longest = null;
    double longestSeconds = 0;
    Work longestWork = null;
    for (Finding f : findings) {
      Work w = Work.of(s, f.rule().id());
      Double sec = seconds(w);
      if (sec == null) {
        out.add(f);
        continue;
      }
      Stats.TableStats t = stats.of(w.table().toString());
      String concrete = "\"" + w.table() + "\" (" + Sizes.rows(t.rows()) + " rows, " + Sizes.bytes(t.bytes()) + "): "
          + Sizes.duration(sec) + " with " + w.blocked() + " blocked" + threshold(sec);
      Finding g = f.withMessage(f.message() + " — " + concrete);
      if (sec <= 30 && f.severity() == Severity.ERROR && isBuildOrScan(w)) {
        // Under the playbook's 30 seconds this is safe to run in a normal deploy.
        g = g.withSeverity(Severity.INFO);
      }
      if (g.severity() == Severity.ERROR) errorAlready = true;
      out.add(g);
      if (sec > longestSeconds) {
        longestSeconds = sec;
        longest = g;
        longestWork = w;
      }
    }
    if (longest != null && longestSeconds > 30 && !errorAlready && config.enabled(LockExceedsThirtySeconds.INFO)) {
      Stats.TableStats t = stats.of(longestWork.table().toString());
      out.add(new Finding(LockExceedsThirtySeconds.INFO, config.severity(LockExceedsThirtySeconds.INFO), s.span(),
          longestWork.blocked() + " on \"" + longestWork.table() + "\" (" + Sizes.rows(t.rows()) + " rows, "
              + Sizes.bytes(t.bytes()) + ") wait " + Sizes.duration(longestSeconds) + threshold(longestSeconds),
          longest.instead(), null));
    }
    return out;
  }

  private static boolean isBuildOrScan(Work w) {
    return w.kind() != Work.Kind.ROW_CHANGE;
  }

  /** The playbook's verdict for a duration. */
  static String threshold(double sec) {
    if (sec > 1800) return "; over 30 min: needs a maintenance plan";
    if (sec > 300) return "; over 5 min: needs batched execution";
    if (sec > 30) return "; over 30 s: needs expand/contract";
    return "";
  }
}
