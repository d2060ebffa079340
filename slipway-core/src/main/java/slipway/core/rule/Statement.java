package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import slipway.core.sql.Parser;
import slipway.core.sql.Span;
import slipway.core.sql.Splitter;
import slipway.core.sql.SqlStatement;

/**
 * One statement as the rules read it: its text, where it is, and its tokens, with the small
 * keyword-matching vocabulary rules are written in ({@code startsWith("ALTER", "TABLE")}).
 * Positions in {@link #tokens()} are offsets into {@link #text()}.
 */
public final class Statement {
  private final Span span;
  private final String text;
  private final List<Token> tokens;
  private String normalized;
  private final java.util.Map<String, Object> memo = new java.util.HashMap<>(4);
  /** The splitter's statement (its tokens and spans in the coordinates of the text it was split from). */
  private final SqlStatement source;
  /** Added to a {@link #source} span's line and offset to give the line and offset in the real file. */
  private final int lineShift;
  private final int offsetShift;
  private slipway.core.sql.syntax.Statement syntax;

  /** Lexes {@code text} with {@link slipway.core.sql.Lexer} (a PL/pgSQL body, a definition). */
  public Statement(Span span, String text) {
    this.span = span;
    this.text = text;
    this.tokens = List.copyOf(Tokens.of(text));
    this.source = null;
    this.lineShift = span.line() - 1;
    this.offsetShift = span.offset();
  }

  /**
   * Reuses the tokens the splitter already lexed: {@code lexed} are Lexer tokens with offsets in a
   * text where {@code text} starts at {@code base} (a statement split from a file is not lexed again).
   */
  public Statement(Span span, String text, List<slipway.core.sql.Token> lexed, int base) {
    this(span, text, lexed, base, null);
  }

  /**
   * A statement the splitter cut: {@code source} is the splitter's statement, whose spans are in the
   * coordinates of the text it was split from; {@code span} is where the statement is in the real file.
   */
  public Statement(Span span, String text, List<slipway.core.sql.Token> lexed, int base, SqlStatement source) {
    this.span = span;
    this.text = text;
    this.tokens = List.copyOf(Tokens.of(text, lexed, base));
    this.source = source;
    this.lineShift = source == null ? span.line() - 1 : span.line() - source.span().line();
    this.offsetShift = source == null ? span.offset() : span.offset() - source.span().offset();
  }

  /**
   * The statement in the typed syntax tree of {@link slipway.core.sql.Parser}, parsed once. Spans of its
   * nodes are in the coordinates of the split text: {@link #inFile} maps them to the real file.
   */
  public slipway.core.sql.syntax.Statement syntax() {
    if (syntax == null) {
      SqlStatement src = source;
      if (src == null) {
        List<SqlStatement> split = Splitter.split(span.file(), text);
        src = split.isEmpty() ? null : split.get(0);
      }
      syntax = src == null
          ? new slipway.core.sql.syntax.Unrecognized(span, text, null)
          : Parser.parse(src);
    }
    return syntax;
  }

  /** The splitter's statement, or null for a statement made from a text (a PL/pgSQL body). */
  public SqlStatement source() {
    return source;
  }

  /** Where a syntax-tree node of this statement is in the real file. */
  public Span inFile(Span node) {
    if (node == null) return span;
    return new Span(span.file(), node.line() + lineShift, node.column(), node.offset() + offsetShift, node.length());
  }

  /** The text of this statement a syntax-tree node covers (a name as the user wrote it, a clause). */
  public String textOf(Span node) {
    int from = node.offset() - (source == null ? 0 : source.span().offset());
    return text.substring(Math.max(0, from), Math.min(text.length(), from + node.length()));
  }

  /** The text of this statement after a syntax-tree node, without the whitespace around it. */
  public String textAfter(Span node) {
    int from = node.end() - (source == null ? 0 : source.span().offset());
    return from >= text.length() ? "" : text.substring(Math.max(0, from)).strip();
  }

  /** The text of this statement before a syntax-tree node, without the whitespace around it. */
  public String textBefore(Span node) {
    int to = node.offset() - (source == null ? 0 : source.span().offset());
    return text.substring(0, Math.max(0, Math.min(text.length(), to))).strip();
  }

  /** This statement's text with {@code insertion} written right after a syntax-tree node. */
  public String insertAfter(Span node, String insertion) {
    int at = Math.max(0, Math.min(text.length(), node.end() - (source == null ? 0 : source.span().offset())));
    return text.substring(0, at) + insertion + text.substring(at);
  }

  /** A value computed once per statement and shared by every rule (the syntax tree is {@link #syntax()}). */
  @SuppressWarnings("unchecked")
  <T> T memo(String key, java.util.function.Supplier<T> parse) {
    if (memo.containsKey(key)) return (T) memo.get(key);
    T v = parse.get();
    memo.put(key, v);
    return v;
  }

  public Span span() { return span; }
  public String text() { return text; }
  public List<Token> tokens() { return tokens; }
  public int size() { return tokens.size(); }
  public boolean isEmpty() { return tokens.isEmpty(); }

  public Token token(int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
  }

  /** Upper-cased word at {@code i}, or "" past the end / for non-words. */
  public String word(int i) {
    Token t = token(i);
    return t == null ? "" : t.upper();
  }

  /** True when the tokens from {@code at} are these words (case-insensitive); "(" and "," match symbols. */
  public boolean matches(int at, String... words) {
    for (int k = 0; k < words.length; k++) {
      Token t = token(at + k);
      if (t == null) return false;
      String w = words[k];
      boolean ok = Character.isLetter(w.charAt(0)) ? t.isWord(w) : t.isSymbol(w);
      if (!ok) return false;
    }
    return true;
  }

  public boolean startsWith(String... words) {
    return matches(0, words);
  }

  /** First index at or after {@code from} (at parenthesis depth of {@code from}) where the words match, or -1. */
  public int find(int from, String... words) {
    return find(from, size(), words);
  }

  public int find(int from, int to, String... words) {
    int depth = 0;
    for (int i = Math.max(0, from); i < Math.min(to, size()); i++) {
      Token t = tokens.get(i);
      if (depth == 0 && matches(i, words)) return i;
      if (t.isSymbol("(") || t.isSymbol("[")) depth++;
      else if (t.isSymbol(")") || t.isSymbol("]")) depth--;
      if (depth < 0) return -1;
    }
    return -1;
  }

  public boolean contains(String... words) {
    return find(0, words) >= 0;
  }

  /** Like {@link #find} but at any parenthesis depth. */
  public int findAnywhere(int from, String... words) {
    for (int i = Math.max(0, from); i < size(); i++) if (matches(i, words)) return i;
    return -1;
  }

  /** Index just past the parenthesised group that opens at {@code open}. */
  public int closeParen(int open) {
    int depth = 0;
    for (int i = open; i < size(); i++) {
      if (tokens.get(i).isSymbol("(")) depth++;
      else if (tokens.get(i).isSymbol(")") && --depth == 0) return i + 1;
    }
    return size();
  }

  /** A possibly qualified name starting at {@code i}: {@code a}, {@code s.a}, {@code "S".a}. */
  public Name nameAt(int i) {
    Token t = token(i);
    if (t == null || !t.isIdentifier()) return null;
    List<String> parts = new ArrayList<>();
    StringBuilder raw = new StringBuilder(t.text());
    parts.add(t.name());
    int j = i + 1;
    while (token(j) != null && token(j).isSymbol(".") && token(j + 1) != null && token(j + 1).isIdentifier()) {
      parts.add(token(j + 1).name());
      raw.append('.').append(token(j + 1).text());
      j += 2;
    }
    return new Name(parts, raw.toString(), i, j);
  }

  /** Comma-separated ranges [from, to) at parenthesis depth 0 between {@code from} and {@code to}. */
  public List<int[]> splitCommas(int from, int to) {
    List<int[]> parts = new ArrayList<>();
    int depth = 0;
    int start = from;
    for (int i = from; i < Math.min(to, size()); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("(") || t.isSymbol("[")) depth++;
      else if (t.isSymbol(")") || t.isSymbol("]")) depth--;
      else if (depth == 0 && t.isSymbol(",")) {
        parts.add(new int[] {start, i});
        start = i + 1;
      }
    }
    if (start < Math.min(to, size())) parts.add(new int[] {start, Math.min(to, size())});
    return parts;
  }

  /** The source text from token {@code from} to just before token {@code to}. */
  public String textOf(int from, int to) {
    if (from >= to || from >= size()) return "";
    Token last = tokens.get(Math.min(to, size()) - 1);
    return text.substring(tokens.get(from).offset(), last.end());
  }

  /** Offset in the file of token {@code i}. */
  public int fileOffset(int i) {
    Token t = token(i);
    return span.offset() + (t == null ? text.length() : t.offset());
  }

  /** A span in the file for tokens [from, to). */
  public Span spanOf(int from, int to) {
    if (from >= size()) return span;
    int start = tokens.get(from).offset();
    int end = tokens.get(Math.max(from, Math.min(to, size()) - 1)).end();
    int line = span.line();
    int col = span.column();
    for (int k = 0; k < start; k++) {
      if (text.charAt(k) == '\n') { line++; col = 1; } else col++;
    }
    return new Span(span.file(), line, col, span.offset() + start, end - start);
  }

  /** Upper-cased words of the statement joined by single spaces: handy for coarse matching. */
  public String normalized() {
    if (normalized != null) return normalized;
    StringBuilder b = new StringBuilder();
    for (Token t : tokens) {
      if (b.length() > 0) b.append(' ');
      b.append(t.kind() == Token.Kind.WORD ? t.text().toUpperCase(Locale.ROOT) : t.text());
    }
    normalized = b.toString();
    return normalized;
  }

  @Override
  public String toString() {
    return span + " " + text;
  }

  /** A (possibly schema-qualified) relation or object name, resolved as PostgreSQL would. */
  public record Name(List<String> parts, String raw, int start, int end) {
    /** The unqualified name (last part). */
    public String simple() { return parts.get(parts.size() - 1); }

    /** Resolved name with schema when written: {@code public.orders}. */
    public String qualified() { return String.join(".", parts); }

    @Override public String toString() { return qualified(); }
  }
}
