package slipway.core.sql;

import java.util.Map;
import java.util.TreeMap;
import slipway.core.sql.syntax.Statement;
import slipway.core.sql.syntax.Unrecognized;

/**
 * How much of a set of SQL files the front end reads: files, bytes, statements, typed vs
 * unrecognized vs malformed, parser exceptions, and statements per kind. Not thread-safe; merge
 * per-thread instances with {@link #add(ParseStats)}.
 */
public final class ParseStats {
  private int files;
  private long bytes;
  private int statements;
  private int typed;
  private int unrecognized;
  private int errors;
  private int exceptions;
  private final Map<String, Integer> byKind = new TreeMap<>();

  /** Splits and parses one file's text ({@code bytes} is its size on disk) and counts what came out. */
  public void addFile(String file, String source, long sizeInBytes) {
    files++;
    bytes += sizeInBytes;
    try {
      for (SqlStatement s : Splitter.split(file, source)) {
        Statement parsed = Parser.parse(s);
        statements++;
        byKind.merge(parsed.kind(), 1, Integer::sum);
        if (parsed instanceof Unrecognized u) {
          if (u.error() == null) unrecognized++;
          else if (u.error().message().startsWith(Parser.INTERNAL_ERROR)) exceptions++;
          else errors++;
        } else {
          typed++;
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      exceptions++;
    }
  }

  public void add(ParseStats other) {
    files += other.files;
    bytes += other.bytes;
    statements += other.statements;
    typed += other.typed;
    unrecognized += other.unrecognized;
    errors += other.errors;
    exceptions += other.exceptions;
    other.byKind.forEach((k, v) -> byKind.merge(k, v, Integer::sum));
  }

  public int files() { return files; }
  public long bytes() { return bytes; }
  public int statements() { return statements; }
  public int typed() { return typed; }
  /** Statements of a form the parser does not read (no error). */
  public int unrecognized() { return unrecognized; }
  /** Statements that started like a known form but broke its grammar. */
  public int errors() { return errors; }
  /** Parser bugs caught before they escaped. */
  public int exceptions() { return exceptions; }
  public Map<String, Integer> byKind() { return Map.copyOf(byKind); }

  /** Typed statements in percent of all statements (100 when there are none). */
  public double typedPercent() {
    return statements == 0 ? 100.0 : 100.0 * typed / statements;
  }

  /** The figures as JSON members (without braces), with {@code millis} given by the caller. */
  public String jsonMembers(long millis) {
    StringBuilder sb = new StringBuilder();
    sb.append("\"files\":").append(files)
        .append(",\"bytes\":").append(bytes)
        .append(",\"statements\":").append(statements)
        .append(",\"typed\":").append(typed)
        .append(",\"unrecognized\":").append(unrecognized)
        .append(",\"errors\":").append(errors)
        .append(",\"exceptions\":").append(exceptions)
        .append(",\"typedPercent\":").append(String.format(java.util.Locale.ROOT, "%.2f", typedPercent()))
        .append(",\"millis\":").append(millis)
        .append(",\"byKind\":{");
    boolean first = true;
    for (Map.Entry<String, Integer> e : byKind.entrySet()) {
      if (!first) sb.append(',');
      first = false;
      sb.append('"').append(e.getKey()).append("\":").append(e.getValue());
    }
    return sb.append('}').toString();
  }
}
