package slipway.core.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares migration versions numerically, part by part: {@code 1.2 < 1.10}, {@code 2 < 10},
 * {@code 2019-02-26-002946 < 2019-02-27-000000}; parts are runs of digits (any length: popx uses
 * 20-digit versions), everything else separates them.
 */
final class Version {
  private Version() {}

  static int compare(String a, String b) {
    List<String> pa = parts(a);
    List<String> pb = parts(b);
    for (int i = 0; i < Math.min(pa.size(), pb.size()); i++) {
      int c = compareDigits(pa.get(i), pb.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(pa.size(), pb.size());
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
