package slipway.core.sql;

import java.util.Arrays;

/** Turns offsets into 1-based lines and columns. Line ends: LF, CRLF, or a lone CR. */
final class LineIndex {
  private final String file;
  private final int[] lineStarts;
  private final int lines;
  private final boolean bom;
  private final int baseOffset;
  private final int baseLine;
  private final int baseColumn;

  LineIndex(String file, String source) {
    this(file, source, 0, 1, 1);
  }

  /** For text embedded in a file (a DO body): offsets, lines and columns continue from the base. */
  LineIndex(String file, String source, int baseOffset, int baseLine, int baseColumn) {
    this.file = file;
    this.baseOffset = baseOffset;
    this.baseLine = baseLine;
    this.baseColumn = baseColumn;
    this.bom = !source.isEmpty() && source.charAt(0) == '\uFEFF';
    int[] starts = new int[16];
    int count = 1;
    int n = source.length();
    if (source.indexOf('\r') < 0) {
      // The common case, LF only: indexOf is much faster than a loop over every character.
      for (int i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) {
        if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
        starts[count++] = i + 1;
      }
    } else {
      for (int i = 0; i < n; i++) {
        char c = source.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 >= n || source.charAt(i + 1) != '\n'))) {
          if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
          starts[count++] = i + 1;
        }
      }
    }
    this.lineStarts = starts;
    this.lines = count;
  }

  Span span(int offset, int length) {
    int idx = Arrays.binarySearch(lineStarts, 0, lines, offset);
    int line = idx >= 0 ? idx : -idx - 2;
    int column = offset - lineStarts[line] + 1;
    // Editors do not count a byte order mark as a column.
    if (line == 0 && bom && offset > 0) column--;
    if (line == 0) column += baseColumn - 1;
    return new Span(file, line + baseLine, column, offset + baseOffset, length);
  }
}
