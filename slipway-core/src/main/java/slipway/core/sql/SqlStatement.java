package slipway.core.sql;

import java.util.List;

/**
 * One statement of a script as the splitter cut it.
 *
 * @param span where the statement's text is (its first to its last token, without the {@code ;})
 * @param text the source text of the statement without the terminating {@code ;}
 * @param tokens the statement's tokens without whitespace and comments (offsets in the whole file)
 * @param psqlMetaCommand a psql meta-command line ({@code \set ON_ERROR_STOP 1}), not SQL
 * @param copyDataSpan for {@code COPY … FROM stdin}: where the rows after the statement are (up to
 *     and including the {@code \.} line), else {@code null}
 * @param copyData those rows (without the {@code \.} line), else {@code null}
 * @param diagnostics lexical problems inside the statement (unterminated quotes, bad escapes)
 */
public record SqlStatement(Span span, String text, List<Token> tokens, boolean psqlMetaCommand,
    Span copyDataSpan, String copyData, List<Diagnostic> diagnostics) {
  public SqlStatement {
    tokens = List.copyOf(tokens);
    diagnostics = List.copyOf(diagnostics);
  }

  /** The first token's value (a key word in lower case), or "" for an empty statement. */
  public String firstWord() {
    return tokens.isEmpty() ? "" : String.valueOf(tokens.get(0).value());
  }

  /** The statement parsed into the typed tree (parsed on each call; never throws). */
  public slipway.core.sql.syntax.Statement syntax() {
    return Parser.parse(this);
  }

  SqlStatement withCopyData(Span dataSpan, String data) {
    return new SqlStatement(span, text, tokens, psqlMetaCommand, dataSpan, data, diagnostics);
  }
}
