package slipway.core.sql;

/** Token kinds of PostgreSQL's lexer (scan.l) plus psql's and migration tools' additions. */
public enum TokenKind {
  /** Spaces, tabs, line ends (CR, LF, CRLF), form feeds. */
  WHITESPACE,
  /** {@code -- …} up to (not including) the line end. */
  LINE_COMMENT,
  /** {@code /* … *}{@code /}, nested as PostgreSQL nests them. */
  BLOCK_COMMENT,
  /** A UTF-8 byte order mark at the start of the text. */
  BOM,
  /** An unquoted identifier or key word; the value is folded to lower case. */
  IDENT,
  /** {@code "…"} or {@code U&"…"}; the value is the name as written, escapes resolved. */
  QUOTED_IDENT,
  /** {@code '…'}, {@code E'…'}, {@code U&'…'}, {@code N'…'}; the value is the decoded string. */
  STRING,
  /** {@code B'…'} or {@code X'…'}; the value is the digits. */
  BIT_STRING,
  /** {@code $tag$ … $tag$}; the value is the body. */
  DOLLAR_STRING,
  /** Integer or decimal literal; the value is the text. */
  NUMBER,
  /** {@code $1}. */
  PARAM,
  /** A migration tool's placeholder where a name belongs: {@code ${schema}}, {@code {{ .Schema }}}; the value is the name inside. */
  PLACEHOLDER,
  /** An operator ({@code =}, {@code <>}, {@code ||}, {@code ->>}, {@code +}, …). */
  OPERATOR,
  /** {@code ( ) [ ] , ; : . :: := ..} and stray characters. */
  PUNCT,
  /** A psql meta-command: a backslash outside quotes up to the line end ({@code \set x 1}, {@code \gset}). */
  META_COMMAND,
  /** The rows after {@code COPY … FROM stdin;} up to and including the {@code \.} line. */
  COPY_DATA;

  /** Whitespace, comments and the byte order mark: the gaps between meaningful tokens. */
  public boolean isTrivia() {
    return this == WHITESPACE || this == LINE_COMMENT || this == BLOCK_COMMENT || this == BOM;
  }
}
