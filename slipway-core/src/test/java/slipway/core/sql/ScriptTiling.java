package slipway.core.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Checks the splitter's promise: statements, COPY data and separators tile the source exactly. */
final class ScriptTiling {
  private ScriptTiling() {}

  /** Returns null when the script tiles its source, else what is wrong. */
  static String problem(Script script) {
    String src = script.source();
    List<int[]> pieces = new ArrayList<>(); // start, end, kind (0 statement, 1 copy data, 2 separator)
    for (SqlStatement s : script.statements()) {
      if (!s.text().equals(src.substring(s.span().offset(), s.span().end()))) {
        return "statement text differs from its span at " + s.span();
      }
      pieces.add(new int[] {s.span().offset(), s.span().end(), 0});
      if (s.copyDataSpan() != null) pieces.add(new int[] {s.copyDataSpan().offset(), s.copyDataSpan().end(), 1});
    }
    for (Token t : script.separators()) {
      if (!t.kind().isTrivia() && !t.isSymbol(";")) return "separator " + t + " is neither trivia nor ';'";
      pieces.add(new int[] {t.start(), t.end(), 2});
    }
    pieces.sort(Comparator.comparingInt(p -> p[0]));
    int at = 0;
    for (int[] p : pieces) {
      if (p[0] != at) return (p[0] > at ? "gap" : "overlap") + " at offset " + at + " (next piece starts at " + p[0] + ")";
      at = p[1];
    }
    if (at != src.length()) return "the pieces end at " + at + " but the source at " + src.length();
    return null;
  }
}
