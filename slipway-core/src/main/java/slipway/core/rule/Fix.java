package slipway.core.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A safe rewrite: a title and text edits on the file (offsets are in the whole file's text). */
public record Fix(String title, List<Edit> edits) {
  public Fix {
    edits = List.copyOf(edits);
  }

  /** Replace {@code length} chars at {@code offset} by {@code replacement}. */
  public record Edit(int offset, int length, String replacement) {}

  public static Fix of(String title, Edit... edits) {
    return new Fix(title, List.of(edits));
  }

  /** Replaces a whole range of the file. */
  public static Fix replace(String title, int offset, int length, String replacement) {
    return new Fix(title, List.of(new Edit(offset, length, replacement)));
  }

  /**
   * Applies fixes to a file's text. Edits are applied from the end so offsets stay valid; an edit that
   * overlaps one already applied is skipped (the next {@code lint --fix} run picks it up).
   */
  public static String apply(String source, List<Fix> fixes) {
    List<Edit> all = new ArrayList<>();
    for (Fix f : fixes) all.addAll(f.edits());
    all.sort(Comparator.comparingInt(Edit::offset).reversed().thenComparing(e -> -e.length()));
    StringBuilder b = new StringBuilder(source);
    int limit = Integer.MAX_VALUE;
    for (Edit e : all) {
      if (e.offset() + e.length() > limit) continue;
      b.replace(e.offset(), e.offset() + e.length(), e.replacement());
      limit = e.offset();
    }
    return b.toString();
  }
}
