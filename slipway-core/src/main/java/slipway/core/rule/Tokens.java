package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokenises one statement (or a PL/pgSQL body) for the rules: words, quoted identifiers, strings,
 * dollar-quoted strings, numbers and symbols; comments are dropped but reported to a listener so
 * that suppressions and expectations can be found. Never throws: an unterminated quote runs to the
 * end of the text (the splitter reports that as bad input before rules run).
 */
public final class Tokens {
  /** A comment with its text and offset in the scanned text. */
  public record Comment(String text, int offset) {}

  private Tokens() {}

  public static List<Token> of(String sql) {
    return scan(sql, new ArrayList<>());
  }

  public static List<Comment> comments(String sql) {
    List<Comment> comments = new ArrayList<>();
    scan(sql, comments);
    return comments;
  }

  private static List<Token> scan(String s, List<Comment> comments) {
    List<Token> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
        int e = s.indexOf('\n', i);
        if (e < 0) e = n;
        comments.add(new Comment(s.substring(i, e), i));
        i = e;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int depth = 0;
        int j = i;
        while (j < n) {
          if (s.startsWith("/*", j)) { depth++; j += 2; }
          else if (s.startsWith("*/", j)) { depth--; j += 2; if (depth == 0) break; }
          else j++;
        }
        comments.add(new Comment(s.substring(i, Math.min(j, n)), i));
        i = Math.min(j, n);
      } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && s.charAt(i + 1) == '\'')) {
        boolean backslash = c != '\'';
        int j = backslash ? i + 2 : i + 1;
        while (j < n) {
          char d = s.charAt(j);
          if (backslash && d == '\\') { j += 2; continue; }
          if (d == '\'') {
            if (j + 1 < n && s.charAt(j + 1) == '\'') { j += 2; continue; }
            break;
          }
          j++;
        }
        int e = Math.min(j + 1, n);
        out.add(new Token(Token.Kind.STRING, s.substring(i, e), i));
        i = e;
      } else if (c == '"') {
        int j = i + 1;
        while (j < n) {
          if (s.charAt(j) == '"') {
            if (j + 1 < n && s.charAt(j + 1) == '"') { j += 2; continue; }
            break;
          }
          j++;
        }
        int e = Math.min(j + 1, n);
        out.add(new Token(Token.Kind.QUOTED_IDENTIFIER, s.substring(i, e), i));
        i = e;
      } else if (c == '$' && dollarTagEnd(s, i) > 0) {
        int tagEnd = dollarTagEnd(s, i);
        String tag = s.substring(i, tagEnd);
        int close = s.indexOf(tag, tagEnd);
        int e = close < 0 ? n : close + tag.length();
        out.add(new Token(Token.Kind.DOLLAR_STRING, s.substring(i, e), i));
        i = e;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '$')) j++;
        out.add(new Token(Token.Kind.WORD, s.substring(i, j), i));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i + 1;
        while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) j++;
        out.add(new Token(Token.Kind.NUMBER, s.substring(i, j), i));
        i = j;
      } else {
        int len = (s.startsWith("::", i) || s.startsWith(":=", i) || s.startsWith("<>", i)
            || s.startsWith(">=", i) || s.startsWith("<=", i) || s.startsWith("!=", i)) ? 2 : 1;
        out.add(new Token(Token.Kind.SYMBOL, s.substring(i, i + len), i));
        i += len;
      }
    }
    return out;
  }

  /** End (exclusive) of a dollar-quote opening tag starting at {@code i}, or -1 ($1 is a parameter). */
  private static int dollarTagEnd(String s, int i) {
    int j = i + 1;
    if (j < s.length() && Character.isDigit(s.charAt(j))) return -1;
    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
    return j < s.length() && s.charAt(j) == '$' ? j + 1 : -1;
  }
}
