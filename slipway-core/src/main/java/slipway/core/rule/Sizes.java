package slipway.core.rule;

import java.util.Locale;

/** Human sizes for messages: 48M rows, 31 GB, about 9 min. */
public final class Sizes {
  private Sizes() {}

  public static String rows(long n) {
    if (n >= 1_000_000_000L) return trim(n / 1e9) + "G";
    if (n >= 1_000_000) return trim(n / 1e6) + "M";
    if (n >= 1_000) return trim(n / 1e3) + "k";
    return Long.toString(n);
  }

  public static String bytes(long b) {
    if (b >= 1L << 40) return trim(b / (double) (1L << 40)) + " TB";
    if (b >= 1L << 30) return trim(b / (double) (1L << 30)) + " GB";
    if (b >= 1L << 20) return trim(b / (double) (1L << 20)) + " MB";
    if (b >= 1L << 10) return trim(b / (double) (1L << 10)) + " kB";
    return b + " B";
  }

  public static String duration(double seconds) {
    if (seconds < 1) return "under a second";
    if (seconds < 90) return "about " + Math.round(seconds) + " s";
    if (seconds < 5400) return "about " + Math.round(seconds / 60) + " min";
    return "about " + trim(seconds / 3600) + " h";
  }

  private static String trim(double v) {
    return v >= 10 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v).replace(".0", "");
  }
}
