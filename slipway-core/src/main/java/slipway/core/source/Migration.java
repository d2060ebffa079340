package slipway.core.source;

/**
 * One migration to apply: a whole file, the Up section of a goose file, or one Liquibase changeset.
 *
 * <p>{@code text} is a contiguous slice of the file, starting at the beginning of line {@code line}
 * (1-based) and file offset {@code offset} (0-based), so a position found in the text maps back into
 * the real file with {@link #fileOffset(int)} and {@link #fileLine(int)}; columns are unchanged.
 *
 * @param file the path as given (or {@code <stdin>})
 * @param version the version that orders it ({@code 1.2}, {@code 20240101120000}), null when the
 *     name carries none
 * @param description the human part of the name ({@code add_region})
 * @param format the naming/layout convention it was recognised by
 * @param kind versioned, repeatable (Flyway {@code R__}) or plain
 * @param transactional whether the tool that owns this format runs it inside one transaction
 * @param splitStatements false when the whole text is one statement (Liquibase splitStatements:false)
 */
public record Migration(
    String file,
    String version,
    String description,
    MigrationFormat format,
    Kind kind,
    String text,
    boolean transactional,
    boolean splitStatements,
    int offset,
    int line) {

  public enum Kind { PLAIN, VERSIONED, REPEATABLE }

  public Migration {
    if (text == null) {
      throw new IllegalArgumentException("text");
    }
  }

  /** The offset in the file of an offset in {@link #text()}. */
  public int fileOffset(int textOffset) {
    return offset + textOffset;
  }

  /** The 1-based line in the file of a 1-based line in {@link #text()}. */
  public int fileLine(int textLine) {
    return line + textLine - 1;
  }

  /** {@code file} with the version, for messages. */
  public String label() {
    return version == null ? file : file + " (version " + version + ")";
  }
}
