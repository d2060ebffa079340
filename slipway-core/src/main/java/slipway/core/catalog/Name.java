package slipway.core.catalog;

import java.util.List;

/**
 * A relation name as written: unquoted parts folded to lower case, quoted parts kept. {@code key()}
 * identifies it in the catalog (schema {@code public} is the default search path, so
 * {@code public.orders} and {@code orders} are the same table); {@code display()} is how the
 * statement wrote it, for output.
 */
public record Name(String schema, String name) {
  /** Reads {@code a}, {@code a.b} or {@code a.b.c} at token i; null when there is no name there. */
  public static Parsed read(Tokens t, int i) {
    if (!t.get(i).isName()) {
      return null;
    }
    String first = t.get(i).value();
    int k = i + 1;
    String second = null;
    String third = null;
    if (t.isOp(k, ".") && t.get(k + 1).isName()) {
      second = t.get(k + 1).value();
      k += 2;
      if (t.isOp(k, ".") && t.get(k + 1).isName()) {
        third = t.get(k + 1).value();
        k += 2;
      }
    }
    Name n = third != null ? new Name(second, third) : second != null ? new Name(first, second) : new Name(null, first);
    return new Parsed(n, k);
  }

  public record Parsed(Name name, int next) {}

  public static Name of(String qualified) {
    int dot = qualified.indexOf('.');
    return dot < 0 ? new Name(null, qualified) : new Name(qualified.substring(0, dot), qualified.substring(dot + 1));
  }

  public String key() {
    return schema == null || schema.equals("public") ? name : schema + "." + name;
  }

  public String display() {
    return schema == null ? name : schema + "." + name;
  }

  /** A name in the same schema as this one. */
  public Name sibling(String other) {
    return new Name(schema, other);
  }

  static String keyOf(List<String> parts) {
    return parts.size() == 1 ? new Name(null, parts.get(0)).key()
        : new Name(parts.get(parts.size() - 2), parts.get(parts.size() - 1)).key();
  }

  @Override
  public String toString() {
    return display();
  }
}
