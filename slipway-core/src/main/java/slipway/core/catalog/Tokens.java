package slipway.core.catalog;

import java.util.ArrayList;
import java.util.List;
import slipway.core.sql.Lexer;
import slipway.core.sql.TokenKind;

/**
 * The catalog's and the lock model's view of {@link Lexer}'s tokens for one SQL statement: unquoted
 * identifiers and key words folded to lower case (PostgreSQL's downcase_identifier: ASCII only, and
 * truncated to 63 bytes), quoted identifiers kept as written with their escapes resolved, strings
 * decoded, numbers and operators as written, whitespace and comments dropped. There is no scanner
 * here: PostgreSQL's lexical rules live in the Lexer alone. It never throws: odd input becomes odd
 * tokens (an unterminated quote runs to the end of the text).
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

  /**
   * The tokens of {@code sql}, lexed here. Prefer {@link #of(String, List, int)} when the splitter
   * has already lexed the file.
   */
  public static Tokens of(String sql) {
    return of(sql, Lexer.tokenize(sql), 0);
  }

  /**
   * The tokens of {@code sql} from {@code lexed}, tokens the Lexer produced for a text in which
   * {@code sql} starts at offset {@code base} (a {@link slipway.core.sql.SqlStatement}'s tokens and
   * its span's offset: the file is lexed once). Tokens outside {@code sql} are left out, and every
   * token's offsets are relative to {@code sql}.
   */
  public static Tokens of(String sql, List<slipway.core.sql.Token> lexed, int base) {
    List<Token> out = new ArrayList<>(lexed.size());
    for (slipway.core.sql.Token t : lexed) {
      Type type = type(t.kind(), sql, t.start() - base);
      if (type == null) {
        continue;
      }
      int start = t.start() - base;
      int end = Math.min(t.end() - base, sql.length());
      if (start < 0 || start >= end) {
        continue;
      }
      String value = t.kind() == TokenKind.PLACEHOLDER || t.value() == null ? sql.substring(start, end) : t.value();
      out.add(new Token(type, value, start, end));
    }
    return new Tokens(sql, out);
  }

  /** This view's type for a Lexer kind, or null for whitespace, comments and the byte order mark. */
  private static Type type(TokenKind kind, String sql, int start) {
    switch (kind) {
      case IDENT:
        return Type.WORD;
      case QUOTED_IDENT:
        return Type.QUOTED;
      case STRING: case BIT_STRING: case DOLLAR_STRING: case COPY_DATA:
        return Type.STRING;
      case NUMBER:
        return Type.NUMBER;
      case PARAM:
        return Type.PARAM;
      case PLACEHOLDER:
        // psql interpolates :'v' as a literal and :"v" as an identifier; a migration tool's ${v} or
        // {{ .V }} stands where a name belongs. The value is the placeholder as written.
        return start >= 0 && sql.startsWith(":'", start) ? Type.STRING : Type.QUOTED;
      case OPERATOR: case PUNCT: case META_COMMAND:
        return Type.OP;
      default:
        return null;
    }
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
