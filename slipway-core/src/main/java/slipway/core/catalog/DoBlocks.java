package slipway.core.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the SQL statements inside a {@code DO} block's PL/pgSQL body where they can be read
 * statically: plain statements, those guarded by IF … THEN, and {@code EXECUTE 'literal'}. Dynamic
 * SQL built at run time cannot be read and is skipped.
 */
public final class DoBlocks {
  private DoBlocks() {}

  private static final Set<String> STARTS = Set.of("alter", "create", "drop", "update", "insert", "delete",
      "truncate", "lock", "comment", "grant", "revoke", "refresh", "reindex", "cluster", "with", "merge");
  private static final Set<String> CONTROL = Set.of("begin", "else", "loop", "declare", "then");

  /** The statements of a DO statement's body (empty when it is not a DO statement). */
  public static List<String> statements(Tokens t) {
    List<String> out = new ArrayList<>();
    if (!t.is(0, "do")) {
      return out;
    }
    String body = null;
    for (int i = 1; i < t.size(); i++) {
      if (t.get(i).type() == Tokens.Type.STRING) {
        body = t.get(i).value();
        break;
      }
    }
    if (body != null) {
      collect(body, out, 0);
    }
    return out;
  }

  private static void collect(String body, List<String> out, int depth) {
    Tokens b = Tokens.of(body);
    int start = 0;
    for (int i = 0; i <= b.size(); i++) {
      if (i == b.size() || b.isOp(i, ";")) {
        if (i > start) {
          piece(b, start, i, out, depth);
        }
        start = i + 1;
      }
    }
  }

  private static void piece(Tokens b, int a, int e, List<String> out, int depth) {
    int k = a;
    // After the last THEN / ELSE / LOOP / BEGIN at depth 0 (IF … THEN stmt, BEGIN stmt, LOOP stmt).
    int level = 0;
    for (int i = a; i < e; i++) {
      if (b.isOp(i, "(")) {
        level++;
      } else if (b.isOp(i, ")")) {
        level--;
      } else if (level == 0 && b.get(i).type() == Tokens.Type.WORD && CONTROL.contains(b.get(i).value())) {
        k = i + 1;
      }
    }
    if (k >= e) {
      return;
    }
    if (b.is(k, "execute") && b.get(k + 1).type() == Tokens.Type.STRING && k + 2 == e && depth < 3) {
      collect(b.get(k + 1).value(), out, depth + 1);
      return;
    }
    if (b.get(k).type() == Tokens.Type.WORD && STARTS.contains(b.get(k).value())) {
      out.add(b.text(k, e - 1));
    }
  }
}
