package slipway.core.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of one SQL statement, enough for schema replay and the lock model to read DDL: unquoted
 * identifiers and keywords folded to lower case, quoted identifiers kept, strings, numbers and
 * operators, comments dropped. It never throws: odd input becomes odd tokens.
 */
public final class Tokens {
  public enum Type { WORD, QUOTED, STRING, NUMBER, OP, PARAM }

  /** One token; {@code value} is the folded identifier, the string's content, or the text. */
  public record Token(Type type, String value, int start, int end) {
    public boolean is(String word) {
      return type == Type.WORD && value.equals(word);
    }

    public boolean isOp(String op) {
      return type == Type.OP && value.equals(op);
    }

    public boolean isName() {
      return type == Type.WORD || type == Type.QUOTED;
    }
  }

  private final String sql;
  private final List<Token> list;

  private Tokens(String sql, List<Token> list) {
    this.sql = sql;
    this.list = list;
  }

  public static Tokens of(String sql) {
    List<Token> out = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int depth = 1;
        i += 2;
        while (i < n && depth > 0) {
          if (sql.startsWith("/*", i)) {
            depth++;
            i += 2;
          } else if (sql.startsWith("*/", i)) {
            depth--;
            i += 2;
          } else {
            i++;
          }
        }
      } else if (c == '\'' || ((c == 'E' || c == 'e' || c == 'B' || c == 'b' || c == 'X' || c == 'x'
          || c == 'N' || c == 'n') && i + 1 < n && sql.charAt(i + 1) == '\'')) {
        int start = i;
        boolean escapes = c == 'E' || c == 'e';
        if (c != '\'') {
          i++;
        }
        i++;
        StringBuilder v = new StringBuilder();
        while (i < n) {
          char d = sql.charAt(i);
          if (escapes && d == '\\' && i + 1 < n) {
            v.append(sql.charAt(i + 1));
            i += 2;
          } else if (d == '\'') {
            if (i + 1 < n && sql.charAt(i + 1) == '\'') {
              v.append('\'');
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            v.append(d);
            i++;
          }
        }
        out.add(new Token(Type.STRING, v.toString(), start, i));
      } else if (c == '"' || ((c == 'U' || c == 'u') && sql.startsWith("&\"", i + 1))) {
        int start = i;
        if (c != '"') {
          i += 2;
        }
        i++;
        StringBuilder v = new StringBuilder();
        while (i < n) {
          char d = sql.charAt(i);
          if (d == '"') {
            if (i + 1 < n && sql.charAt(i + 1) == '"') {
              v.append('"');
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            v.append(d);
            i++;
          }
        }
        out.add(new Token(Type.QUOTED, v.toString(), start, i));
      } else if (c == '$' && i + 1 < n && (sql.charAt(i + 1) == '$' || Character.isLetter(sql.charAt(i + 1))
          || sql.charAt(i + 1) == '_') && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int start = i;
        int close = sql.indexOf(tag, i + tag.length());
        int end = close < 0 ? n : close + tag.length();
        String body = sql.substring(i + tag.length(), close < 0 ? n : close);
        out.add(new Token(Type.STRING, body, start, end));
        i = end;
      } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
        int start = i++;
        while (i < n && Character.isDigit(sql.charAt(i))) {
          i++;
        }
        out.add(new Token(Type.PARAM, sql.substring(start, i), start, i));
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.' || sql.charAt(i) == '_'
            || ((sql.charAt(i) == '+' || sql.charAt(i) == '-') && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')))) {
          if (sql.charAt(i) == '.' && i + 1 < n && sql.charAt(i + 1) == '.') {
            break;
          }
          i++;
        }
        out.add(new Token(Type.NUMBER, sql.substring(start, i), start, i));
      } else if (Character.isLetter(c) || c == '_' || c > 127) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$'
            || sql.charAt(i) > 127)) {
          i++;
        }
        out.add(new Token(Type.WORD, sql.substring(start, i).toLowerCase(Locale.ROOT), start, i));
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        out.add(new Token(Type.OP, "::", i, i + 2));
        i += 2;
      } else if ("(),;.[]".indexOf(c) >= 0) {
        out.add(new Token(Type.OP, String.valueOf(c), i, i + 1));
        i++;
      } else {
        int start = i;
        while (i < n && "+-*/<>=~!@#%^&|`?:".indexOf(sql.charAt(i)) >= 0) {
          if (i > start && sql.startsWith("--", i)) {
            break;
          }
          i++;
        }
        if (i == start) {
          i++;
        }
        out.add(new Token(Type.OP, sql.substring(start, i), start, i));
      }
    }
    return new Tokens(sql, out);
  }

  private static String dollarTag(String sql, int i) {
    int j = i + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      j++;
    }
    if (j < sql.length() && sql.charAt(j) == '$') {
      return sql.substring(i, j + 1);
    }
    return null;
  }

  public int size() {
    return list.size();
  }

  /** The token at i, or an empty operator past the end (so look-ahead never fails). */
  public Token get(int i) {
    return i >= 0 && i < list.size() ? list.get(i) : new Token(Type.OP, "", sql.length(), sql.length());
  }

  public boolean is(int i, String... words) {
    for (int k = 0; k < words.length; k++) {
      if (!get(i + k).is(words[k])) {
        return false;
      }
    }
    return true;
  }

  public boolean isOp(int i, String op) {
    return get(i).isOp(op);
  }

  /** Index of the matching ")" for the "(" at i (or the end). */
  public int closing(int i) {
    int depth = 0;
    for (int k = i; k < list.size(); k++) {
      Token t = list.get(k);
      if (t.isOp("(") || t.isOp("[")) {
        depth++;
      } else if (t.isOp(")") || t.isOp("]")) {
        depth--;
        if (depth == 0) {
          return k;
        }
      }
    }
    return list.size();
  }

  /** The source text from token a to token b inclusive. */
  public String text(int a, int b) {
    if (a >= list.size() || b < a) {
      return "";
    }
    return sql.substring(get(a).start(), get(Math.min(b, list.size() - 1)).end());
  }

  /** Index of the first word w at depth 0 from i, or -1. */
  public int find(int from, String word) {
    int depth = 0;
    for (int k = from; k < list.size(); k++) {
      Token t = list.get(k);
      if (t.isOp("(")) {
        depth++;
      } else if (t.isOp(")")) {
        depth--;
      } else if (depth == 0 && t.is(word)) {
        return k;
      }
    }
    return -1;
  }

  /** Splits [from, to) at depth-0 commas; each element is {start, endExclusive}. */
  public List<int[]> commaSeparated(int from, int to) {
    List<int[]> parts = new ArrayList<>();
    int depth = 0;
    int start = from;
    for (int k = from; k < to; k++) {
      Token t = get(k);
      if (t.isOp("(") || t.isOp("[")) {
        depth++;
      } else if (t.isOp(")") || t.isOp("]")) {
        depth--;
      } else if (depth == 0 && t.isOp(",")) {
        parts.add(new int[] {start, k});
        start = k + 1;
      }
    }
    if (start < to) {
      parts.add(new int[] {start, to});
    }
    return parts;
  }

  public String sql() {
    return sql;
  }
}
