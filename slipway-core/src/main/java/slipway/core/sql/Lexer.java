package slipway.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's lexical rules (src/backend/parser/scan.l) with psql's additions (meta-commands, COPY
 * data) and migration tools' placeholders. Never throws: malformed input (an unterminated quote or
 * comment) becomes a token running to the end of the text plus an entry in {@link #errors()}.
 */
public final class Lexer {
  /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are truncated to this many bytes. */
  static final int MAX_IDENTIFIER_BYTES = 63;

  /** A lexical error at an offset (turned into a {@link Diagnostic} by the splitter). */
  public record Error(int offset, String message) {}

  private final String src;
  private final int n;
  private int pos;
  private boolean copyDataPending;
  private boolean copyDataNext;
  private final List<Error> errors = new ArrayList<>(0);

  public Lexer(String source) {
    this.src = source;
    this.n = source.length();
  }

  /** All tokens of {@code source}, trivia included; their texts concatenated are the source. */
  public static List<Token> tokenize(String source) {
    Lexer lexer = new Lexer(source);
    List<Token> out = new ArrayList<>(source.length() / 4 + 4);
    for (Token t = lexer.next(); t != null; t = lexer.next()) out.add(t);
    return out;
  }

  public List<Error> errors() {
    return errors;
  }

  public int position() {
    return pos;
  }

  /**
   * psql reads the rows of {@code COPY … FROM stdin} from the lines after the statement: the text
   * after the next line end, up to a line {@code \.} (or the end), becomes one {@link TokenKind#COPY_DATA} token.
   */
  public void expectCopyData() {
    copyDataPending = true;
  }

  /** The next token, or {@code null} at the end of the text. */
  public Token next() {
    if (pos >= n) return null;
    int start = pos;
    if (copyDataNext) {
      copyDataNext = false;
      return copyData(start);
    }
    char c = src.charAt(pos);
    if (start == 0 && c == '\uFEFF') {
      pos = 1;
      return new Token(TokenKind.BOM, 0, 1, null);
    }
    switch (c) {
      case ' ': case '\t': case '\n': case '\r': case '\f': case '\u000B':
        return whitespace(start);
      case '-':
        if (at(pos + 1) == '-') return lineComment(start);
        return operator(start);
      case '/':
        if (at(pos + 1) == '*') return blockComment(start);
        return operator(start);
      case '\'':
        return standardString(start, pos);
      case '"':
        return quotedIdent(start, pos, false);
      case '$':
        return dollar(start);
      case '{':
        if (at(pos + 1) == '{') return goTemplate(start);
        pos++;
        return new Token(TokenKind.PUNCT, start, pos, "{");
      case '\\':
        return metaCommand(start);
      case '(': pos++; return new Token(TokenKind.PUNCT, start, pos, "(");
      case ')': pos++; return new Token(TokenKind.PUNCT, start, pos, ")");
      case '[': pos++; return new Token(TokenKind.PUNCT, start, pos, "[");
      case ']': pos++; return new Token(TokenKind.PUNCT, start, pos, "]");
      case ',': pos++; return new Token(TokenKind.PUNCT, start, pos, ",");
      case ';': pos++; return new Token(TokenKind.PUNCT, start, pos, ";");
      case ':':
        if (at(pos + 1) == ':') { pos += 2; return new Token(TokenKind.PUNCT, start, pos, "::"); }
        if (at(pos + 1) == '=') { pos += 2; return new Token(TokenKind.PUNCT, start, pos, ":="); }
        if (at(pos + 1) == '\'' || at(pos + 1) == '"') return psqlVariable(start);
        pos++;
        return new Token(TokenKind.PUNCT, start, pos, ":");
      case '.':
        if (isDigit(at(pos + 1))) return number(start);
        if (at(pos + 1) == '.') { pos += 2; return new Token(TokenKind.PUNCT, start, pos, ".."); }
        pos++;
        return new Token(TokenKind.PUNCT, start, pos, ".");
      default:
        break;
    }
    if (isDigit(c)) return number(start);
    if ((c == 'e' || c == 'E') && at(pos + 1) == '\'') return extendedString(start);
    if ((c == 'b' || c == 'B' || c == 'x' || c == 'X') && at(pos + 1) == '\'') return bitString(start);
    if ((c == 'n' || c == 'N') && at(pos + 1) == '\'') return standardString(start, pos + 1);
    if ((c == 'u' || c == 'U') && at(pos + 1) == '&') {
      if (at(pos + 2) == '\'') return unicodeString(start);
      if (at(pos + 2) == '"') return quotedIdent(start, pos + 2, true);
    }
    if (isIdentStart(c)) return identifier(start);
    if (isOperatorChar(c)) return operator(start);
    // A character PostgreSQL would reject (e.g. a stray '}' or '`'): keep it as punctuation.
    pos += Character.charCount(src.codePointAt(pos));
    return new Token(TokenKind.PUNCT, start, pos, src.substring(start, pos));
  }

  private char at(int i) {
    return i < n ? src.charAt(i) : '\0';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** scan.l: ident_start [A-Za-z\200-\377_]. */
  static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80 && c != '\uFEFF';
  }

  /** scan.l: ident_cont [A-Za-z\200-\377_0-9\$]. */
  static boolean isIdentCont(char c) {
    return isIdentStart(c) || isDigit(c) || c == '$' || c == '\uFEFF';
  }

  /** scan.l: op_chars. */
  static boolean isOperatorChar(char c) {
    switch (c) {
      case '~': case '!': case '@': case '#': case '^': case '&': case '|': case '`': case '?':
      case '+': case '-': case '*': case '/': case '%': case '<': case '>': case '=':
        return true;
      default:
        return false;
    }
  }

  private Token whitespace(int start) {
    while (pos < n) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B') {
        pos++;
      } else if (c == '\n') {
        pos++;
        if (copyDataPending) {
          copyDataPending = false;
          copyDataNext = pos < n;
          break;
        }
      } else {
        break;
      }
    }
    return new Token(TokenKind.WHITESPACE, start, pos, null);
  }

  private Token lineComment(int start) {
    while (pos < n && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') pos++;
    return new Token(TokenKind.LINE_COMMENT, start, pos, null);
  }

  private Token blockComment(int start) {
    int depth = 0;
    while (pos < n) {
      char c = src.charAt(pos);
      if (c == '/' && at(pos + 1) == '*') {
        depth++;
        pos += 2;
      } else if (c == '*' && at(pos + 1) == '/') {
        depth--;
        pos += 2;
        if (depth == 0) return new Token(TokenKind.BLOCK_COMMENT, start, pos, null);
      } else {
        pos++;
      }
    }
    errors.add(new Error(start, "unterminated /* comment; close it with */"));
    return new Token(TokenKind.BLOCK_COMMENT, start, pos, null);
  }

  /** '…' with '' for a quote; backslashes are ordinary (standard_conforming_strings = on). */
  private Token standardString(int start, int quote) {
    pos = quote + 1;
    StringBuilder sb = null;
    int chunk = pos;
    while (pos < n) {
      char c = src.charAt(pos);
      if (c == '\'') {
        if (at(pos + 1) == '\'') {
          if (sb == null) sb = new StringBuilder();
          sb.append(src, chunk, pos + 1);
          pos += 2;
          chunk = pos;
          continue;
        }
        String value = sb == null ? src.substring(chunk, pos) : sb.append(src, chunk, pos).toString();
        pos++;
        return new Token(TokenKind.STRING, start, pos, value);
      }
      pos++;
    }
    errors.add(new Error(start, "unterminated quoted string; close it with '"));
    String value = sb == null ? src.substring(chunk, pos) : sb.append(src, chunk, pos).toString();
    return new Token(TokenKind.STRING, start, pos, value);
  }

  /** E'…': backslash escapes (\n, \t, \b, \f, \r, octal, \xHH, \\uXXXX, \UXXXXXXXX) and ''. */
  private Token extendedString(int start) {
    pos = start + 2;
    StringBuilder sb = new StringBuilder();
    while (pos < n) {
      char c = src.charAt(pos);
      if (c == '\'') {
        if (at(pos + 1) == '\'') {
          sb.append('\'');
          pos += 2;
          continue;
        }
        pos++;
        return new Token(TokenKind.STRING, start, pos, sb.toString());
      }
      if (c == '\\' && pos + 1 < n) {
        char e = src.charAt(pos + 1);
        pos += 2;
        switch (e) {
          case 'b': sb.append('\b'); break;
          case 'f': sb.append('\f'); break;
          case 'n': sb.append('\n'); break;
          case 'r': sb.append('\r'); break;
          case 't': sb.append('\t'); break;
          case 'x': {
            int v = 0, k = 0;
            while (k < 2 && pos < n && Character.digit(src.charAt(pos), 16) >= 0) {
              v = v * 16 + Character.digit(src.charAt(pos++), 16);
              k++;
            }
            if (k == 0) sb.append('x'); else sb.append((char) v);
            break;
          }
          case 'u': case 'U': {
            int want = e == 'u' ? 4 : 8;
            int v = 0, k = 0;
            while (k < want && pos < n && Character.digit(src.charAt(pos), 16) >= 0) {
              v = v * 16 + Character.digit(src.charAt(pos++), 16);
              k++;
            }
            if (k < want || !Character.isValidCodePoint(v)) {
              errors.add(new Error(pos - k - 2, "invalid Unicode escape; use \\uXXXX or \\UXXXXXXXX"));
            } else {
              sb.appendCodePoint(v);
            }
            break;
          }
          default:
            if (e >= '0' && e <= '7') {
              int v = e - '0', k = 1;
              while (k < 3 && pos < n && src.charAt(pos) >= '0' && src.charAt(pos) <= '7') {
                v = v * 8 + (src.charAt(pos++) - '0');
                k++;
              }
              sb.append((char) (v & 0xFF));
            } else {
              sb.append(e);
            }
        }
        continue;
      }
      sb.append(c);
      pos++;
    }
    errors.add(new Error(start, "unterminated quoted string; close it with '"));
    return new Token(TokenKind.STRING, start, pos, sb.toString());
  }

  private Token bitString(int start) {
    Token t = standardString(start, start + 1);
    return new Token(TokenKind.BIT_STRING, t.start(), t.end(), t.value());
  }

  /** U&'…' [UESCAPE '!']: \XXXX and \+XXXXXX escapes. */
  private Token unicodeString(int start) {
    Token t = standardString(start, start + 2);
    int end = pos;
    char escape = '\\';
    int afterUescape = uescape();
    if (afterUescape >= 0) {
      escape = src.charAt(afterUescape - 2);
      end = afterUescape;
      pos = end;
    }
    return new Token(TokenKind.STRING, start, end, decodeUnicode(t.value(), escape, start));
  }

  /** After U&'…' or U&"…": whitespace, UESCAPE, whitespace, 'c'; returns the end of that or -1. */
  private int uescape() {
    int i = pos;
    while (i < n && Character.isWhitespace(src.charAt(i))) i++;
    if (i + 7 > n || !src.regionMatches(true, i, "uescape", 0, 7)) return -1;
    i += 7;
    while (i < n && Character.isWhitespace(src.charAt(i))) i++;
    if (i + 3 <= n && src.charAt(i) == '\'' && src.charAt(i + 2) == '\'') return i + 3;
    return -1;
  }

  private String decodeUnicode(String s, char escape, int where) {
    if (s.indexOf(escape) < 0) return s;
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != escape) {
        sb.append(c);
        continue;
      }
      if (i + 1 < s.length() && s.charAt(i + 1) == escape) {
        sb.append(escape);
        i++;
        continue;
      }
      int digits = 4, from = i + 1;
      if (from < s.length() && s.charAt(from) == '+') {
        digits = 6;
        from++;
      }
      int v = 0, k = 0;
      while (k < digits && from + k < s.length() && Character.digit(s.charAt(from + k), 16) >= 0) {
        v = v * 16 + Character.digit(s.charAt(from + k), 16);
        k++;
      }
      if (k < digits || !Character.isValidCodePoint(v)) {
        errors.add(new Error(where, "invalid Unicode escape; use \\XXXX or \\+XXXXXX"));
        sb.append(c);
        continue;
      }
      sb.appendCodePoint(v);
      i = from + k - 1;
    }
    return sb.toString();
  }

  private Token quotedIdent(int start, int quote, boolean unicode) {
    pos = quote + 1;
    StringBuilder sb = null;
    int chunk = pos;
    while (pos < n) {
      char c = src.charAt(pos);
      if (c == '"') {
        if (at(pos + 1) == '"') {
          if (sb == null) sb = new StringBuilder();
          sb.append(src, chunk, pos + 1);
          pos += 2;
          chunk = pos;
          continue;
        }
        String value = sb == null ? src.substring(chunk, pos) : sb.append(src, chunk, pos).toString();
        pos++;
        int end = pos;
        if (unicode) {
          char escape = '\\';
          int after = uescape();
          if (after >= 0) {
            escape = src.charAt(after - 2);
            end = after;
            pos = after;
          }
          value = decodeUnicode(value, escape, start);
        }
        if (value.isEmpty()) errors.add(new Error(start, "zero-length delimited identifier; write a name between the quotes"));
        return new Token(TokenKind.QUOTED_IDENT, start, end, truncate(value));
      }
      pos++;
    }
    errors.add(new Error(start, "unterminated quoted identifier; close it with \""));
    String value = sb == null ? src.substring(chunk, pos) : sb.append(src, chunk, pos).toString();
    return new Token(TokenKind.QUOTED_IDENT, start, pos, truncate(value));
  }

  private Token dollar(int start) {
    char c = at(pos + 1);
    if (isDigit(c)) {
      pos++;
      while (pos < n && isDigit(src.charAt(pos))) pos++;
      return new Token(TokenKind.PARAM, start, pos, src.substring(start, pos));
    }
    if (c == '{') {
      int close = src.indexOf('}', pos + 2);
      int nl = src.indexOf('\n', pos + 2);
      if (close >= 0 && (nl < 0 || close < nl)) {
        pos = close + 1;
        return new Token(TokenKind.PLACEHOLDER, start, pos, src.substring(start + 2, close).trim());
      }
    }
    // $tag$ with tag = [A-Za-z\200-\377_][A-Za-z\200-\377_0-9]*, or $$.
    int i = pos + 1;
    if (i < n && isIdentStart(src.charAt(i))) {
      i++;
      while (i < n && (isIdentStart(src.charAt(i)) || isDigit(src.charAt(i)))) i++;
    }
    if (i < n && src.charAt(i) == '$') {
      String delimiter = src.substring(start, i + 1);
      int bodyStart = i + 1;
      int close = src.indexOf(delimiter, bodyStart);
      if (close < 0) {
        errors.add(new Error(start, "unterminated dollar quote " + delimiter + "; close it before the end of the file"));
        pos = n;
        return new Token(TokenKind.DOLLAR_STRING, start, pos, src.substring(bodyStart));
      }
      pos = close + delimiter.length();
      return new Token(TokenKind.DOLLAR_STRING, start, pos, src.substring(bodyStart, close));
    }
    pos++;
    return new Token(TokenKind.PUNCT, start, pos, "$");
  }

  /** Go templates: {{ index .Options "Namespace" }}. */
  private Token goTemplate(int start) {
    int close = src.indexOf("}}", pos + 2);
    if (close < 0) {
      pos += 2;
      return new Token(TokenKind.PUNCT, start, pos, "{{");
    }
    pos = close + 2;
    return new Token(TokenKind.PLACEHOLDER, start, pos, src.substring(start + 2, close).trim());
  }

  /** psql's :'name' and :"name" variable interpolation. */
  private Token psqlVariable(int start) {
    char quote = src.charAt(pos + 1);
    int close = src.indexOf(quote, pos + 2);
    int nl = src.indexOf('\n', pos + 2);
    if (close < 0 || (nl >= 0 && nl < close)) {
      pos++;
      return new Token(TokenKind.PUNCT, start, pos, ":");
    }
    pos = close + 1;
    return new Token(TokenKind.PLACEHOLDER, start, pos, src.substring(start + 2, close));
  }

  private Token metaCommand(int start) {
    while (pos < n && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') pos++;
    return new Token(TokenKind.META_COMMAND, start, pos, src.substring(start, pos).trim());
  }

  private Token copyData(int start) {
    int lineStart = start;
    while (lineStart < n) {
      int nl = src.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? n : nl;
      int contentEnd = lineEnd > lineStart && src.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
      if (contentEnd - lineStart == 2 && src.charAt(lineStart) == '\\' && src.charAt(lineStart + 1) == '.') {
        pos = contentEnd;
        return new Token(TokenKind.COPY_DATA, start, pos, src.substring(start, lineStart));
      }
      if (nl < 0) break;
      lineStart = nl + 1;
    }
    pos = n;
    return new Token(TokenKind.COPY_DATA, start, pos, src.substring(start));
  }

  /**
   * scan.l's numbers: 123, 1_000, 0x1F, 0o17, 0b101, 1.5, .5, 1e10. "1..2" is 1 then "..".
   */
  private Token number(int start) {
    char c = src.charAt(pos);
    if (c == '0' && pos + 2 <= n) {
      char r = at(pos + 1);
      int radix = r == 'x' || r == 'X' ? 16 : r == 'o' || r == 'O' ? 8 : r == 'b' || r == 'B' ? 2 : 0;
      if (radix != 0 && Character.digit(at(pos + 2), radix) >= 0) {
        pos += 2;
        while (pos < n && (Character.digit(src.charAt(pos), radix) >= 0
            || (src.charAt(pos) == '_' && Character.digit(at(pos + 1), radix) >= 0))) pos++;
        return new Token(TokenKind.NUMBER, start, pos, src.substring(start, pos));
      }
    }
    digits();
    if (at(pos) == '.' && at(pos + 1) != '.') {
      pos++;
      digits();
    }
    if ((at(pos) == 'e' || at(pos) == 'E')) {
      int save = pos;
      pos++;
      if (at(pos) == '+' || at(pos) == '-') pos++;
      if (isDigit(at(pos))) digits(); else pos = save;
    }
    return new Token(TokenKind.NUMBER, start, pos, src.substring(start, pos));
  }

  private void digits() {
    while (pos < n && (isDigit(src.charAt(pos)) || (src.charAt(pos) == '_' && isDigit(at(pos + 1)) && pos > 0 && isDigit(src.charAt(pos - 1))))) pos++;
  }

  /**
   * Recently folded identifiers by hash: key words and names repeat, so most identifiers are found
   * here instead of allocating a new string (the lexer's hottest path on upper-case SQL).
   */
  private final String[] recent = new String[256];

  private Token identifier(int start) {
    boolean upper = false;
    boolean ascii = true;
    int hash = 0;
    while (pos < n) {
      char c = src.charAt(pos);
      if (!isIdentCont(c)) break;
      if (c >= 0x80) ascii = false;
      if (c >= 'A' && c <= 'Z') {
        upper = true;
        c += 'a' - 'A';
      }
      hash = 31 * hash + c;
      pos++;
    }
    int length = pos - start;
    // Up to 32 ASCII characters never reach 63 bytes; with other characters past 21 (3 bytes each) they may.
    if (length > 32 || !ascii && length > MAX_IDENTIFIER_BYTES / 3) {
      String value = src.substring(start, pos);
      return new Token(TokenKind.IDENT, start, pos, truncate(upper ? downcase(value) : value));
    }
    int slot = (hash ^ (hash >>> 8)) & (recent.length - 1);
    String cached = recent[slot];
    if (cached != null && cached.length() == length && foldedEquals(cached, start)) {
      return new Token(TokenKind.IDENT, start, pos, cached);
    }
    String value;
    if (upper) {
      char[] chars = new char[length];
      for (int i = 0; i < length; i++) {
        char c = src.charAt(start + i);
        chars[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      }
      value = new String(chars);
    } else {
      value = src.substring(start, pos);
    }
    recent[slot] = value;
    return new Token(TokenKind.IDENT, start, pos, value);
  }

  private boolean foldedEquals(String folded, int start) {
    for (int i = 0; i < folded.length(); i++) {
      char c = src.charAt(start + i);
      if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      if (folded.charAt(i) != c) return false;
    }
    return true;
  }

  /**
   * PostgreSQL's downcase_identifier for a multibyte encoding (UTF-8): only ASCII A-Z are lowered;
   * every other character, including non-ASCII letters, is kept.
   */
  public static String downcase(String identifier) {
    char[] chars = identifier.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') chars[i] = (char) (c + ('a' - 'A'));
    }
    return new String(chars);
  }

  /** PostgreSQL's truncate_identifier: at most 63 bytes of UTF-8, never splitting a character. */
  public static String truncate(String identifier) {
    if (identifier.length() <= MAX_IDENTIFIER_BYTES / 3) return identifier;
    int bytes = 0;
    for (int i = 0; i < identifier.length(); ) {
      int cp = identifier.codePointAt(i);
      int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + len > MAX_IDENTIFIER_BYTES) return identifier.substring(0, i);
      bytes += len;
      i += Character.charCount(cp);
    }
    return identifier;
  }

  /**
   * scan.l's operator rule: the longest run of operator characters, cut before an embedded
   * {@code --} or {@code /*}, and with trailing + or - dropped unless the operator contains one of
   * ~ ! @ # ^ & | ` ? % (so that {@code a=-1} is {@code =} then {@code -}).
   */
  private Token operator(int start) {
    int end = pos;
    while (end < n && isOperatorChar(src.charAt(end))) end++;
    int nchars = end - start;
    for (int i = start; i + 1 < end; i++) {
      char a = src.charAt(i), b = src.charAt(i + 1);
      if ((a == '/' && b == '*') || (a == '-' && b == '-')) {
        nchars = i - start;
        break;
      }
    }
    if (nchars > 1 && (src.charAt(start + nchars - 1) == '+' || src.charAt(start + nchars - 1) == '-')) {
      int ic;
      for (ic = nchars - 2; ic >= 0; ic--) {
        char c = src.charAt(start + ic);
        if (c == '~' || c == '!' || c == '@' || c == '#' || c == '^' || c == '&' || c == '|' || c == '`' || c == '?' || c == '%') break;
      }
      if (ic < 0) {
        do {
          nchars--;
        } while (nchars > 1 && (src.charAt(start + nchars - 1) == '+' || src.charAt(start + nchars - 1) == '-'));
      }
    }
    if (nchars < 1) nchars = 1;
    pos = start + nchars;
    return new Token(TokenKind.OPERATOR, start, pos, operatorValue(start, pos));
  }

  private String operatorValue(int start, int end) {
    if (end - start == 1) {
      switch (src.charAt(start)) {
        case '=': return "=";
        case '<': return "<";
        case '>': return ">";
        case '+': return "+";
        case '-': return "-";
        case '*': return "*";
        case '/': return "/";
        default: break;
      }
    }
    return src.substring(start, end);
  }
}
