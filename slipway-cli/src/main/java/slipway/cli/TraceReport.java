package slipway.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import slipway.core.lock.LockMode;
import slipway.core.report.Json;
import slipway.core.source.Migration;
import slipway.engine.trace.RelationLock;
import slipway.engine.trace.StatementTrace;
import slipway.engine.trace.TraceResult;

/** Prints traces: a table per migration (text) or one JSON document with DESIGN.md's field names. */
final class TraceReport {
  private static final int SQL_WIDTH = 46;

  private TraceReport() {}

  /** One migration's statements as a table: where, statement, relation, mode, what it blocks, rewrite, time. */
  static void text(Migration migration, TraceResult result, PrintWriter out) {
    out.println(migration.file());
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"AT", "STATEMENT", "TIME", "TX", "RELATION", "MODE", "BLOCKS", "REWRITE"});
    for (StatementTrace s : result.statements()) {
      String at = s.line() + ":" + s.column();
      String sql = abbreviate(s.sql());
      String time = s.wasRun() ? formatMs(s.durationMs()) : "";
      String tx = !s.wasRun() ? "" : s.transactional() ? "yes" : "no";
      if (!s.wasRun()) {
        rows.add(new String[] {at, sql, "", "", "skipped: " + s.skipped(), "", "", ""});
      } else if (s.locks().isEmpty()) {
        rows.add(new String[] {at, sql, time, tx, "(no existing relation)", "", "", ""});
      } else {
        boolean first = true;
        for (RelationLock lock : s.locks()) {
          rows.add(new String[] {first ? at : "", first ? sql : "", first ? time : "", first ? tx : "",
              lock.relation(), lock.mode().pgName(), blocks(lock.mode()), s.rewrote(lock.relation()) ? "yes" : "-"});
          first = false;
        }
      }
    }
    printTable(rows, out);
    out.println();
    out.flush();
  }

  static String blocks(LockMode mode) {
    if (mode.blocksReads()) {
      return "reads, writes";
    }
    return mode.blocksWrites() ? "writes" : "-";
  }

  private static void printTable(List<String[]> rows, PrintWriter out) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i + 1 < columns) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  static String abbreviate(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= SQL_WIDTH ? oneLine : oneLine.substring(0, SQL_WIDTH - 1) + "…";
  }

  static String formatMs(double ms) {
    return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.1f ms", ms);
  }

  /** The document {@code --format json} prints. */
  static Map<String, Object> json(String version, int pgMajor, String server, String target, boolean committed,
      List<Migration> migrations, List<TraceResult> results) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("tool", "slipway");
    doc.put("version", version);
    doc.put("pgVersion", pgMajor);
    doc.put("server", server);
    doc.put("target", target);
    doc.put("committed", committed);
    List<Object> files = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      Migration m = migrations.get(i);
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("file", m.file());
      file.put("version", m.version());
      List<Object> statements = new ArrayList<>();
      for (StatementTrace s : results.get(i).statements()) {
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("line", s.line());
        st.put("column", s.column());
        st.put("sql", s.sql());
        st.put("transactional", s.transactional());
        List<Object> locks = new ArrayList<>();
        for (RelationLock lock : s.locks()) {
          Map<String, Object> l = new LinkedHashMap<>();
          l.put("relation", lock.relation());
          l.put("mode", lock.mode().pgName());
          l.put("kind", lock.kind());
          locks.add(l);
        }
        st.put("locks", locks);
        st.put("rewrite", s.rewrite());
        st.put("rewritten", s.rewritten());
        st.put("durationMs", s.durationMs());
        if (!s.wasRun()) {
          st.put("skipped", s.skipped());
        }
        statements.add(st);
      }
      file.put("statements", statements);
      files.add(file);
    }
    doc.put("migrations", files);
    return doc;
  }

  static String toJson(Map<String, Object> doc) {
    return Json.write(doc);
  }
}
