package slipway.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LexerTest {
  /** The meaningful tokens as "KIND:value". */
  static String lex(String sql) {
    return Lexer.tokenize(sql).stream().filter(t -> !t.kind().isTrivia())
        .map(t -> t.kind() + ":" + t.value()).collect(Collectors.joining(" "));
  }

  @Test void foldsUnquotedIdentifiersAndKeepsQuotedOnes() {
    assertEquals("IDENT:select QUOTED_IDENT:MixedCase IDENT:from IDENT:orders",
        lex("SELECT \"MixedCase\" FROM Orders"));
    assertEquals("QUOTED_IDENT:say \"hi\"", lex("\"say \"\"hi\"\"\""));
    assertEquals("IDENT:émile", lex("éMILE".replace("MILE", "mile")));
    assertEquals("IDENT:Émile", lex("Émile"), "non-ASCII letters keep their case, as in PostgreSQL's UTF-8 downcase");
  }

  @Test void truncatesIdentifiersTo63Bytes() {
    String longName = "a".repeat(70);
    assertEquals("IDENT:" + "a".repeat(63), lex(longName));
    assertEquals("IDENT:" + "é".repeat(31), lex("é".repeat(40)), "never splits a two-byte character");
    // 32 two-byte characters are 64 bytes: short in characters, still too long (found by SplitterProperties).
    assertEquals("IDENT:" + "À".repeat(31), lex("À".repeat(32)), "only ASCII letters fold");
    assertEquals("IDENT:" + "中".repeat(21), lex("中".repeat(22)));
  }

  @Test void strings() {
    assertEquals("STRING:it's", lex("'it''s'"));
    assertEquals("STRING:a\\nb", lex("'a\\nb'"), "standard strings keep backslashes");
    assertEquals("STRING:a\nb'c", lex("E'a\\nb\\'c'"));
    assertEquals("STRING:A\u00e9", lex("e'\\x41\\u00e9'"));
    assertEquals("STRING:data", lex("U&'d\\0061t\\+000061'"));
    assertEquals("STRING:data", lex("U&'d!0061ta' UESCAPE '!'"));
    assertEquals("QUOTED_IDENT:data", lex("U&\"d\\0061ta\""));
    assertEquals("BIT_STRING:0101 BIT_STRING:1F STRING:n", lex("B'0101' X'1F' N'n'"));
  }

  @Test void dollarQuotesWithTags() {
    assertEquals("DOLLAR_STRING:body; 'x' $$  IDENT:x", lex("$fn$body; 'x' $$ $fn$ x"));
    assertEquals("DOLLAR_STRING:", lex("$$$$"));
    assertEquals("IDENT:a$b$ PARAM:$1", lex("a$b$ $1"));
  }

  @Test void commentsNestAndAreTrivia() {
    List<Token> tokens = Lexer.tokenize("/* a /* b */ c */x -- tail\ny");
    assertEquals(TokenKind.BLOCK_COMMENT, tokens.get(0).kind());
    assertEquals("/* a /* b */ c */", tokens.get(0).text("/* a /* b */ c */x -- tail\ny"));
    assertEquals("IDENT:x IDENT:y", lex("/* a /* b */ c */x -- tail\ny"));
  }

  @Test void numbersOperatorsAndCasts() {
    assertEquals("NUMBER:1 NUMBER:1.5 NUMBER:.5 NUMBER:1e-3 NUMBER:0x1F NUMBER:1_000", lex("1 1.5 .5 1e-3 0x1F 1_000"));
    assertEquals("NUMBER:1 PUNCT:.. NUMBER:2", lex("1..2"));
    assertEquals("IDENT:a OPERATOR:= OPERATOR:- NUMBER:1", lex("a=-1"), "trailing - is split off, as scan.l does");
    assertEquals("IDENT:j OPERATOR:->> STRING:k PUNCT::: IDENT:text", lex("j->>'k'::text"));
    assertEquals("IDENT:a OPERATOR:@- IDENT:b", lex("a @- b"));
    assertEquals("IDENT:a OPERATOR:* IDENT:b", lex("a */* c */b"));
  }

  @Test void placeholdersReadAsNames() {
    assertEquals("PLACEHOLDER:schema PUNCT:. IDENT:t", lex("${schema}.t"));
    assertEquals("PLACEHOLDER:index .Options \"Namespace\" PUNCT:. IDENT:users",
        lex("{{ index .Options \"Namespace\" }}.users"));
  }

  @Test void psqlMetaCommandRunsToTheLineEnd() {
    assertEquals("META_COMMAND:\\set x 'y' IDENT:select", lex("\\set x 'y'\nselect"));
  }

  @Test void bomAndCrlfAreTrivia() {
    assertEquals("IDENT:select NUMBER:1", lex("\uFEFFselect\r\n1"));
  }

  @Test void unterminatedInputIsAnErrorNotAnException() {
    Lexer lexer = new Lexer("select $body$ never closed");
    while (lexer.next() != null) { }
    assertEquals(1, lexer.errors().size());
    assertTrue(lexer.errors().get(0).message().startsWith("unterminated dollar quote $body$"));
  }
}
