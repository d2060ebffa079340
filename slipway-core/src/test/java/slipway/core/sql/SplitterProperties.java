package slipway.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import slipway.core.sql.syntax.Statement;
import slipway.core.sql.syntax.Unrecognized;

/** The front end's promises, over generated SQL-like text, truncations and arbitrary bytes. */
class SplitterProperties {
  static final List<String> FRAGMENTS = List.of("ALTER TABLE ", "t", " ADD COLUMN ", "c int", " DEFAULT now()",
      "CREATE INDEX CONCURRENTLY i ON t (a)", "'str''ing'", "E'esc\\'aped'", "U&'\\0041'", "\"Quoted\"\"Id\"",
      "$$", "$tag$", "$1", "/*", "*/", "--", "\n", "\r\n", "\r", ";", "(", ")", "[", "]", "::", ".", ",", " ",
      "\\", "\\.", "COPY t FROM stdin", "DO ", "BEGIN", "END", "CREATE FUNCTION f() BEGIN ATOMIC ", "CASE",
      "${schema}", "{{ .Ns }}", "{{", "}}", "{", "}", "e'", "x'", "U&\"", "\uFEFF", "é", "😀", "\u0000", "0x1F",
      "1.5e-3", "->>", "=", "+-", "set lock_timeout = '1s'", "UNIQUE", "NOT VALID", "REFERENCES", "DROP ");

  @Provide
  Arbitrary<String> sqlish() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void tokensConcatenateToTheInput(@ForAll("sqlish") String sql) {
    List<Token> tokens = Lexer.tokenize(sql);
    int at = 0;
    for (Token t : tokens) {
      assertEquals(at, t.start(), "tokens are contiguous");
      at = t.end();
    }
    assertEquals(sql.length(), at);
    assertEquals(sql, tokens.stream().map(t -> t.text(sql)).collect(Collectors.joining()));
  }

  @Property(tries = 2000)
  void statementsAndSeparatorsTileTheInput(@ForAll("sqlish") String sql) {
    assertNull(ScriptTiling.problem(Splitter.script("f.sql", sql)));
  }

  @Property(tries = 1000)
  void parsingNeverThrowsOrFailsInternally(@ForAll("sqlish") String sql) {
    for (Statement s : Parser.parse("f.sql", sql)) assertNoInternalError(s);
  }

  @Property(tries = 300)
  void everyTruncationOfAMigrationSplitsAndParses(@ForAll("sqlish") String tail) {
    String sql = "CREATE TABLE t (id bigint PRIMARY KEY, e text DEFAULT 'x' CHECK (e <> ''));\n"
        + "ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (id) REFERENCES u (id) NOT VALID, ALTER e SET NOT NULL;\n"
        + "DO $$ BEGIN IF true THEN CREATE INDEX ON t (e); END IF; END $$;\n" + tail;
    for (int cut = 0; cut <= sql.length(); cut++) {
      String prefix = sql.substring(0, cut);
      Script script = Splitter.script("f.sql", prefix);
      assertNull(ScriptTiling.problem(script), prefix);
      for (SqlStatement s : script.statements()) assertNoInternalError(Parser.parse(s));
    }
  }

  @Property(tries = 1000)
  void arbitraryBytesNeverThrow(@ForAll byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    Script script = Splitter.script("f.sql", text);
    assertNull(ScriptTiling.problem(script));
    for (SqlStatement s : script.statements()) assertNoInternalError(Parser.parse(s));
  }

  /**
   * PostgreSQL's downcase_identifier for UTF-8 lowers ASCII A-Z only (scansup.c); anything else,
   * É or the Turkish İ included, is kept. Identifiers longer than 63 bytes are cut at a character.
   */
  @Property(tries = 2000)
  void unquotedIdentifiersFoldAsPostgresDoes(@ForAll @StringLength(min = 1, max = 80)
      @CharRange(from = 'A', to = 'Z') @CharRange(from = 'a', to = 'z') @CharRange(from = '0', to = '9')
      @CharRange(from = '_', to = '_') @CharRange(from = 'À', to = 'ʯ') @CharRange(from = 'Α', to = 'ω')
      @CharRange(from = 'İ', to = 'ı') String word) {
    String identifier = Character.isDigit(word.charAt(0)) ? "x" + word : word;
    List<Token> tokens = Lexer.tokenize(identifier);
    assertEquals(1, tokens.size(), identifier);
    assertEquals(TokenKind.IDENT, tokens.get(0).kind());
    assertEquals(truncate63(asciiLower(identifier)), tokens.get(0).value());
    Token quoted = Lexer.tokenize("\"" + identifier + "\"").get(0);
    assertEquals(truncate63(identifier), quoted.value(), "quoted identifiers keep their case");
  }

  private static String asciiLower(String s) {
    StringBuilder sb = new StringBuilder();
    for (char ch : s.toCharArray()) sb.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
    return sb.toString();
  }

  private static String truncate63(String s) {
    String out = s;
    while (out.getBytes(StandardCharsets.UTF_8).length > 63) out = out.substring(0, out.length() - 1);
    return out;
  }

  private static void assertNoInternalError(Statement s) {
    if (s instanceof Unrecognized u && u.error() != null) {
      assertFalse(u.error().message().startsWith(Parser.INTERNAL_ERROR), u.error().toString());
    }
  }
}
