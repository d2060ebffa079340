package slipway.core.rule;

import java.util.Map;

/** Production sizes for tables (from {@code slipway stats export} or a live database); no row data. */
public record Stats(Map<String, TableStats> tables) {
  public static final Stats NONE = new Stats(Map.of());

  /** Rows, bytes (table + indexes + TOAST) and write rates per second of one table. */
  public record TableStats(String name, long rows, long bytes, double insertsPerSecond,
      double updatesPerSecond, double deletesPerSecond) {}

  public Stats {
    tables = Map.copyOf(tables);
  }

  /** By unqualified or qualified name. */
  public TableStats of(String name) {
    TableStats s = tables.get(name);
    if (s != null) return s;
    for (TableStats t : tables.values()) {
      String n = t.name();
      if (n.endsWith("." + name) || name.endsWith("." + n)) return t;
    }
    return null;
  }
}
