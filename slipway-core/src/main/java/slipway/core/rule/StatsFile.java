package slipway.core.rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import slipway.core.BadInputException;

/**
 * Reads the file {@code slipway stats export} writes:
 * <pre>
 * { "tool": "slipway", "kind": "stats", "pgVersion": 16,
 *   "tables": [ { "name": "public.orders", "rows": 48000000, "bytes": 33285996544,
 *                 "insertsPerSecond": 12.5, "updatesPerSecond": 3.1, "deletesPerSecond": 0.2 } ] }
 * </pre>
 */
public final class StatsFile {
  private final String src;
  private final String file;
  private int pos;

  private StatsFile(String file, String src) {
    this.file = file;
    this.src = src;
  }

  public static Stats read(Path path) {
    try {
      return parse(path.toString(), Files.readString(path));
    } catch (IOException e) {
      throw new BadInputException(path.toString(), "cannot read the stats file: " + e.getMessage()
          + "; write one with slipway stats export --url … > stats.json");
    }
  }

  /** The stats file's JSON for these sizes (what {@code slipway stats export} prints). */
  public static String write(Stats stats, int pgVersion) {
    java.util.List<Object> tables = new ArrayList<>();
    stats.tables().values().stream().sorted(java.util.Comparator.comparing(Stats.TableStats::name)).forEach(t -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", t.name());
      m.put("rows", t.rows());
      m.put("bytes", t.bytes());
      m.put("insertsPerSecond", round(t.insertsPerSecond()));
      m.put("updatesPerSecond", round(t.updatesPerSecond()));
      m.put("deletesPerSecond", round(t.deletesPerSecond()));
      tables.add(m);
    });
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("tool", "slipway");
    root.put("kind", "stats");
    root.put("pgVersion", pgVersion);
    root.put("tables", tables);
    return slipway.core.report.Json.write(root) + "\n";
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  @SuppressWarnings("unchecked")
  public static Stats parse(String file, String text) {
    StatsFile p = new StatsFile(file, text);
    Object root = p.value();
    if (!(root instanceof Map<?, ?> m) || !(m.get("tables") instanceof List<?> tables)) {
      throw new BadInputException(file, "not a stats file (no \"tables\" list); write one with slipway stats export");
    }
    Map<String, Stats.TableStats> out = new HashMap<>();
    for (Object o : tables) {
      if (!(o instanceof Map<?, ?> t) || !(t.get("name") instanceof String name)) {
        throw new BadInputException(file, "every table needs a \"name\"");
      }
      Map<String, Object> tm = (Map<String, Object>) t;
      out.put(name, new Stats.TableStats(name, (long) num(tm, "rows"), (long) num(tm, "bytes"),
          num(tm, "insertsPerSecond"), num(tm, "updatesPerSecond"), num(tm, "deletesPerSecond")));
    }
    return new Stats(out);
  }

  private static double num(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof Number n ? n.doubleValue() : 0;
  }

  private Object value() {
    skip();
    if (pos >= src.length()) throw bad("unexpected end of file");
    char c = src.charAt(pos);
    if (c == '{') {
      pos++;
      Map<String, Object> m = new LinkedHashMap<>();
      skip();
      if (peek('}')) { pos++; return m; }
      while (true) {
        skip();
        if (!peek('"')) throw bad("expected a key");
        String k = string();
        skip();
        expect(':');
        m.put(k, value());
        skip();
        if (peek(',')) { pos++; continue; }
        expect('}');
        return m;
      }
    }
    if (c == '[') {
      pos++;
      List<Object> l = new ArrayList<>();
      skip();
      if (peek(']')) { pos++; return l; }
      while (true) {
        l.add(value());
        skip();
        if (peek(',')) { pos++; continue; }
        expect(']');
        return l;
      }
    }
    if (c == '"') return string();
    if (src.startsWith("true", pos)) { pos += 4; return Boolean.TRUE; }
    if (src.startsWith("false", pos)) { pos += 5; return Boolean.FALSE; }
    if (src.startsWith("null", pos)) { pos += 4; return null; }
    int start = pos;
    while (pos < src.length() && "+-0123456789.eE".indexOf(src.charAt(pos)) >= 0) pos++;
    if (start == pos) throw bad("unexpected '" + c + "'");
    return Double.valueOf(src.substring(start, pos));
  }

  private String string() {
    pos++;
    StringBuilder b = new StringBuilder();
    while (pos < src.length() && src.charAt(pos) != '"') {
      char c = src.charAt(pos++);
      if (c == '\\' && pos < src.length()) {
        char e = src.charAt(pos++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'u' -> { b.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16)); pos += 4; }
          default -> b.append(e);
        }
      } else {
        b.append(c);
      }
    }
    pos++;
    return b.toString();
  }

  private void skip() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
  }

  private boolean peek(char c) {
    return pos < src.length() && src.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) throw bad("expected '" + c + "'");
    pos++;
  }

  private BadInputException bad(String what) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < pos && i < src.length(); i++) {
      if (src.charAt(i) == '\n') { line++; col = 1; } else col++;
    }
    return new BadInputException(file + ":" + line + ":" + col, what + "; the stats file must be JSON from slipway stats export");
  }
}
