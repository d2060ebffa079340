package slipway.core.source;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import slipway.core.BadInputException;

/**
 * A migration version, compared numerically part by part: {@code 1.2 < 1.10}, {@code 2 < 10},
 * {@code 2019-02-26-002946 < 2019-02-27-000000}; parts are runs of digits (any length: popx uses
 * 20-digit versions), everything else separates them. One class for the loader and the runner.
 */
public final class Version implements Comparable<Version> {
  private final String text;
  private final List<BigInteger> parts;

  private Version(String text, List<BigInteger> parts) {
    this.text = text;
    this.parts = parts;
  }

  /**
   * A migration version as Flyway reads it: runs of digits separated by anything else ({@code .},
   * {@code _}, diesel's {@code -}), compared numerically part by part, trailing zero parts ignored
   * ({@code 1.0} equals {@code 1}). The text keeps {@code _} shown as {@code .}, which is what Flyway
   * stores in its history.
   */
  public static Version parse(String raw) {
    String text = raw.replace('_', '.');
    List<BigInteger> parts = new ArrayList<>();
    for (String part : parts(text)) {
      parts.add(new BigInteger(part));
    }
    if (parts.isEmpty()) {
      throw new BadInputException(raw, "not a migration version; use digits separated by . or _ (e.g. 1, 1.2, 2024_01_15)");
    }
    int n = parts.size();
    while (n > 1 && parts.get(n - 1).signum() == 0) {
      n--;
    }
    return new Version(text, List.copyOf(parts.subList(0, n)));
  }

  /** Compares two version strings as {@link #parse} reads them; a version without digits sorts first. */
  public static int compare(String a, String b) {
    boolean da = !parts(a).isEmpty();
    boolean db = !parts(b).isEmpty();
    if (!da || !db) {
      return Boolean.compare(da, db);
    }
    return parse(a).compareTo(parse(b));
  }

  @Override
  public int compareTo(Version o) {
    for (int i = 0; i < Math.max(parts.size(), o.parts.size()); i++) {
      BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
      BigInteger b = i < o.parts.size() ? o.parts.get(i) : BigInteger.ZERO;
      int c = a.compareTo(b);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Version v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  /** Compares names so that embedded numbers sort numerically ({@code v1.2/x < v1.10/a}). */
  static int compareNatural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (isDigit(ca) && isDigit(cb)) {
        int ei = i;
        while (ei < a.length() && isDigit(a.charAt(ei))) {
          ei++;
        }
        int ej = j;
        while (ej < b.length() && isDigit(b.charAt(ej))) {
          ej++;
        }
        int c = compareDigits(a.substring(i, ei), b.substring(j, ej));
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  static List<String> parts(String v) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < v.length()) {
      if (isDigit(v.charAt(i))) {
        int e = i;
        while (e < v.length() && isDigit(v.charAt(e))) {
          e++;
        }
        parts.add(v.substring(i, e));
        i = e;
      } else {
        i++;
      }
    }
    return parts;
  }

  private static int compareDigits(String a, String b) {
    String x = stripZeros(a);
    String y = stripZeros(b);
    if (x.length() != y.length()) {
      return Integer.compare(x.length(), y.length());
    }
    return x.compareTo(y);
  }

  private static String stripZeros(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
