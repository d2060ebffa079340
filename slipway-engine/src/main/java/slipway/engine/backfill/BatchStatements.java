package slipway.engine.backfill;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import slipway.core.BadInputException;

/**
 * The SQL of one backfill, built once and PREPAREd on the runner's connection (so a bad SET, WHERE
 * or template fails before any row is touched, and the user's own {@code ?} operators never meet a
 * JDBC placeholder). Every batch is a key range: {@code (k) <= (hi)} for the first,
 * {@code (k) > (lo) AND (k) <= (hi)} after it, or a list of keys when revisiting rows that were
 * locked by the application.
 */
final class BatchStatements {
  /** The variants of a batch's key range. */
  enum Range { FIRST, NEXT, KEYS }

  /** The most skipped keys one batch reports (the rest are found again by the final verification). */
  static final int SKIPPED_KEYS_PER_BATCH = 1000;

  private final TargetTable table;
  private final String set;
  private final String where;
  private final String template;

  BatchStatements(TargetTable table, String set, String where, String template) {
    this.table = table;
    this.set = set;
    this.where = where;
    this.template = template;
  }

  boolean templateMode() {
    return template != null;
  }

  boolean hasPredicate() {
    return where != null;
  }

  private String keyList(String qualifier) {
    return table.key().stream().map(k -> qualifier == null ? k.quoted() : qualifier + "." + k.quoted())
        .collect(Collectors.joining(", "));
  }

  private String params(int from) {
    List<String> p = new ArrayList<>();
    for (int i = 0; i < table.key().size(); i++) {
      p.add("$" + (from + i));
    }
    return String.join(", ", p);
  }

  private String keyTypes() {
    return table.key().stream().map(TargetTable.KeyColumn::type).collect(Collectors.joining(", "));
  }

  /** The batch's key condition; {@code qualifier} is a table name or alias (already quoted), or null. */
  String rangeCondition(Range range, String qualifier) {
    int m = table.key().size();
    String row = "(" + keyList(qualifier) + ")";
    switch (range) {
      case FIRST:
        return row + " <= (" + params(1) + ")";
      case NEXT:
        return row + " > (" + params(1) + ") AND " + row + " <= (" + params(m + 1) + ")";
      default:
        List<String> casts = new ArrayList<>();
        for (int i = 0; i < m; i++) {
          casts.add("CAST(slipway_key ->> " + i + " AS " + table.key().get(i).type() + ")");
        }
        return row + " IN (SELECT " + String.join(", ", casts)
            + " FROM jsonb_array_elements($1) AS slipway_keys(slipway_key))";
    }
  }

  /** Parameter types of a batch statement. */
  String batchParamTypes(Range range) {
    switch (range) {
      case FIRST:
        return keyTypes();
      case NEXT:
        return keyTypes() + ", " + keyTypes();
      default:
        return "jsonb";
    }
  }

  /**
   * The upper end of the next batch: the n-th key after {@code lo} (or the last key when fewer
   * remain), found by walking the key index, with how many keys that is.
   * Result: the key columns as text, then the count.
   */
  String boundSql(boolean first) {
    String keys = keyList(null);
    // Qualified: an unqualified ORDER BY "id" would sort by the output column "id", the text.
    String desc = table.key().stream().map(k -> "slipway_batch." + k.quoted() + " DESC").collect(Collectors.joining(", "));
    String text = table.key().stream().map(k -> "slipway_batch." + k.quoted() + "::text").collect(Collectors.joining(", "));
    int m = table.key().size();
    return "SELECT " + text + ", count(*) OVER () FROM (SELECT " + keys + " FROM " + table.qualified()
        + (first ? "" : " WHERE (" + keys + ") > (" + params(1) + ")")
        + " ORDER BY " + keys + " LIMIT $" + (first ? 1 : m + 1) + ") AS slipway_batch ORDER BY " + desc
        + " LIMIT 1";
  }

  String boundParamTypes(boolean first) {
    return first ? "bigint" : keyTypes() + ", bigint";
  }

  /**
   * The batch in SET mode. It locks the range's rows that match the predicate with
   * {@code FOR UPDATE SKIP LOCKED} (a row the application holds is skipped, never waited for, so
   * neither side can wait long on the other nor deadlock) and updates exactly those by ctid (a TID
   * scan; the lock keeps the ctid stable until commit). Result: rows updated, and how many of them
   * still match the predicate after the update (must be 0: else a rerun would update them again).
   */
  String setModeSql(Range range) {
    String t = table.qualified();
    String pred = " AND (\n" + where + "\n)";
    return "WITH slipway_locked AS MATERIALIZED (\n"
        + "  SELECT ctid AS slipway_tid FROM " + t + "\n"
        + "   WHERE " + rangeCondition(range, null) + pred + "\n"
        + "   FOR UPDATE SKIP LOCKED),\n"
        + "slipway_done AS (\n"
        + "  UPDATE " + t + " SET\n" + set + "\n"
        + "   WHERE ctid = ANY (ARRAY(SELECT slipway_tid FROM slipway_locked))\n"
        + "  RETURNING coalesce((\n" + where + "\n), false) AS slipway_still)\n"
        + "SELECT count(*), count(*) FILTER (WHERE slipway_still) FROM slipway_done";
  }

  /**
   * The range's rows that still match the predicate, run after the batch in its transaction: the
   * rows SKIP LOCKED passed over (or that changed under it). Result: how many (at most
   * {@link #SKIPPED_KEYS_PER_BATCH}), and their keys as a JSON array of arrays of text.
   */
  String leftoverSql(Range range) {
    String keys = keyList(null);
    String asText = table.key().stream().map(k -> "slipway_left." + k.quoted() + "::text")
        .collect(Collectors.joining(", "));
    return "SELECT count(*), coalesce(jsonb_agg(jsonb_build_array(" + asText + ")), '[]')::text FROM (\n"
        + "  SELECT " + keys + " FROM " + table.qualified() + "\n"
        + "   WHERE " + rangeCondition(range, null) + " AND (\n" + where + "\n)\n"
        + "   LIMIT " + SKIPPED_KEYS_PER_BATCH + ") AS slipway_left";
  }

  /** The batch in template mode: the user's statement with {@code {range}} / {@code {range:alias}} expanded. */
  String templateSql(Range range) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    boolean found = false;
    while (i < template.length()) {
      int open = template.indexOf("{range", i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      if (close < 0) {
        throw new BadInputException("--template", "unclosed placeholder at offset " + open + "; write {range} or {range:alias}");
      }
      String inner = template.substring(open + 1, close);
      String qualifier;
      if (inner.equals("range")) {
        qualifier = null;
      } else if (inner.startsWith("range:") && inner.length() > 6) {
        qualifier = slipway.engine.postgres.Identifiers.quote(inner.substring(6));
      } else {
        throw new BadInputException("--template", "unknown placeholder {" + inner + "}; write {range} or {range:alias}");
      }
      out.append(template, i, open).append("(").append(rangeCondition(range, qualifier)).append(")");
      found = true;
      i = close + 1;
    }
    if (!found) {
      throw new BadInputException("--template", "has no {range} placeholder; the statement must restrict itself"
          + " to the batch, e.g. UPDATE t SET a = b WHERE {range}");
    }
    return out.toString();
  }

  /**
   * The final verification: how many rows still match the predicate, and the keys of the first
   * {@link #SKIPPED_KEYS_PER_BATCH} of them (to retry by key rather than walk the table again).
   */
  String verifySql() {
    String keys = keyList(null);
    String asText = table.key().stream().map(k -> "slipway_v." + k.quoted() + "::text").collect(Collectors.joining(", "));
    return "SELECT count(*), coalesce(jsonb_agg(jsonb_build_array(" + asText + ")) FILTER (WHERE slipway_n <= "
        + SKIPPED_KEYS_PER_BATCH + "), '[]')::text FROM (\n"
        + "  SELECT " + keys + ", row_number() OVER () AS slipway_n FROM " + table.qualified() + " WHERE (\n"
        + where + "\n)) AS slipway_v";
  }
}
