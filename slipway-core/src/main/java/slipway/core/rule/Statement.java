package slipway.core.rule;

import slipway.core.sql.Parser;
import slipway.core.sql.Span;
import slipway.core.sql.SqlStatement;

/**
 * One statement as the rules read it: its text, where it is in the real file, and its typed syntax tree
 * ({@link #syntax()}, parsed once by {@link Parser}); rules quote the user's own text through the tree's
 * spans ({@link #textOf(Span)}).
 */
public final class Statement {
  private final Span span;
  private final String text;
  /** The splitter's statement (its tokens and spans in the coordinates of the text it was split from). */
  private final SqlStatement source;
  /** Added to a {@link #source} span's line and offset to give the line and offset in the real file. */
  private final int lineShift;
  private final int offsetShift;
  private slipway.core.sql.syntax.Statement syntax;

  /**
   * A statement the splitter cut: {@code source} is the splitter's statement, whose spans are in the
   * coordinates of the text it was split from; {@code span} is where the statement is in the real file.
   */
  public Statement(Span span, String text, SqlStatement source) {
    this.span = span;
    this.text = text;
    this.source = source;
    this.lineShift = span.line() - source.span().line();
    this.offsetShift = span.offset() - source.span().offset();
  }

  /**
   * The statement in the typed syntax tree of {@link slipway.core.sql.Parser}, parsed once. Spans of its
   * nodes are in the coordinates of the split text: {@link #inFile} maps them to the real file.
   */
  public slipway.core.sql.syntax.Statement syntax() {
    if (syntax == null) {
      syntax = Parser.parse(source);
    }
    return syntax;
  }

  /** The splitter's statement (its tokens, in the coordinates of the text it was split from). */
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
  public Span span() { return span; }
  public String text() { return text; }
  @Override
  public String toString() {
    return span + " " + text;
  }
}
