package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.sql.Lexer;

/**
 * The rules' view of {@link slipway.core.sql.Lexer}'s tokens: words, quoted identifiers, strings,
 * dollar-quoted strings, numbers, parameters, placeholders and symbols; whitespace is dropped and
 * comments are reported separately so that suppressions and expectations can be found. There is no
 * scanner here: PostgreSQL's lexical rules live in the Lexer alone. Never throws: an unterminated
 * quote runs to the end of the text (the splitter reports that as bad input before rules run).
 */
public final class Tokens {
  /** A comment with its text and offset in the scanned text. */
  public record Comment(String text, int offset) {}

  private Tokens() {}

  public static List<Token> of(String sql) {
    return of(sql, Lexer.tokenize(sql), 0);
  }

  /**
   * The rules' tokens for {@code lexed}, tokens the Lexer produced for a text of which {@code sql}
   * starts at offset {@code base} (the splitter's tokens of a whole file: no second lexing pass).
   */
  public static List<Token> of(String sql, List<slipway.core.sql.Token> lexed, int base) {
    List<Token> out = new ArrayList<>(lexed.size());
    for (slipway.core.sql.Token t : lexed) {
      Token.Kind kind = kind(t.kind());
      if (kind == null) continue;
      int start = t.start() - base;
      int end = Math.min(t.end() - base, sql.length());
      if (start < 0 || start >= end) continue;
      String text = sql.substring(start, end);
      out.add(new Token(kind, text, start, t.value() == null ? text : t.value()));
    }
    return out;
  }

  public static List<Comment> comments(String sql) {
    List<Comment> comments = new ArrayList<>();
    for (slipway.core.sql.Token t : Lexer.tokenize(sql)) {
      if (t.kind() == slipway.core.sql.TokenKind.LINE_COMMENT || t.kind() == slipway.core.sql.TokenKind.BLOCK_COMMENT) {
        comments.add(new Comment(t.text(sql), t.start()));
      }
    }
    return comments;
  }

  /** The rules' kind for a Lexer kind, or null for whitespace, comments and the byte order mark. */
  private static Token.Kind kind(slipway.core.sql.TokenKind k) {
    return switch (k) {
      case WHITESPACE, LINE_COMMENT, BLOCK_COMMENT, BOM -> null;
      case IDENT -> Token.Kind.WORD;
      case QUOTED_IDENT -> Token.Kind.QUOTED_IDENTIFIER;
      case STRING, BIT_STRING, COPY_DATA -> Token.Kind.STRING;
      case DOLLAR_STRING -> Token.Kind.DOLLAR_STRING;
      case NUMBER -> Token.Kind.NUMBER;
      case PARAM -> Token.Kind.PARAM;
      case PLACEHOLDER -> Token.Kind.PLACEHOLDER;
      case OPERATOR, PUNCT, META_COMMAND -> Token.Kind.SYMBOL;
    };
  }
}
