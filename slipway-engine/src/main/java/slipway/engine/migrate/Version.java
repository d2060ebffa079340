package slipway.engine.migrate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import slipway.core.BadInputException;

/**
 * A migration version as Flyway reads it: runs of digits separated by {@code .} or {@code _}, compared
 * numerically part by part, trailing zero parts ignored ({@code 1.0} equals {@code 1}). The text is
 * kept as written with {@code _} shown as {@code .}, which is what Flyway stores in its history.
 */
public final class Version implements Comparable<Version> {
  private final String text;
  private final List<BigInteger> parts;

  private Version(String text, List<BigInteger> parts) {
    this.text = text;
    this.parts = parts;
  }

  public static Version parse(String raw) {
    String text = raw.replace('_', '.');
    List<BigInteger> parts = new ArrayList<>();
    // Digit runs are the parts; anything else separates them (diesel's 2019-02-26-002946 too).
    for (String part : text.split("[^0-9]+", -1)) {
      if (!part.isEmpty()) {
        parts.add(new BigInteger(part));
      }
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
}
