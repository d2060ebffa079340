package slipway.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import slipway.core.sql.Splitter;
import slipway.core.sql.SqlStatement;

/** Tokens is the Lexer's tokens seen as the catalog reads them; these are the corners a scanner gets wrong. */
class TokensTest {
  private static List<String> view(String sql) {
    Tokens t = Tokens.of(sql);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) out.add(t.get(i).type() + ":" + t.get(i).value());
    return out;
  }

  @Test void foldsUnquotedWordsKeepsQuotedOnes() {
    assertEquals(List.of("WORD:alter", "WORD:table", "QUOTED:Orders", "OP:.", "QUOTED:a\"b"),
        view("ALTER Table \"Orders\".\"a\"\"b\""));
  }

  @Test void foldsAsciiOnlyAsPostgresDoes() {
    // scansup.c downcase_identifier: in UTF-8 only A-Z are lowered.
    assertEquals(List.of("WORD:École", "WORD:straße"), view("École STRAßE"));
  }

  @Test void truncatesIdentifiersToSixtyThreeBytes() {
    String name = "idx_post_aggregates_featured_community_newest_comment_time_necro"; // 64 bytes
    assertEquals(List.of("WORD:" + name.substring(0, 63)), view(name));
  }

  @Test void decodesStrings() {
    assertEquals(List.of("STRING:it's", "STRING:a\nb'c", "STRING:A", "STRING:body; 'x'", "STRING:0101"),
        view("'it''s' E'a\\nb\\'c' U&'\\0041' $fn$body; 'x'$fn$ B'0101'"));
  }

  @Test void decodesUnicodeQuotedIdentifiers() {
    assertEquals(List.of("QUOTED:data", "QUOTED:dxta"), view("U&\"d\\0061ta\" U&\"d!0078ta\" UESCAPE '!'"));
  }

  @Test void dropsCommentsNestedOrNot() {
    assertEquals(List.of("WORD:drop", "WORD:table", "WORD:t"),
        view("DROP /* a /* nested */ still comment */ TABLE -- t2\n t"));
  }

  @Test void dollarQuotesDoNotEndAtADifferentTag() {
    assertEquals(List.of("WORD:do", "STRING:BEGIN EXECUTE $x$a$x$; END"), view("DO $do$BEGIN EXECUTE $x$a$x$; END$do$"));
  }

  @Test void numbersParamsAndOperators() {
    assertEquals(List.of("NUMBER:1.5e-3", "OP:=", "OP:-", "NUMBER:0x1F", "OP:::", "WORD:int", "PARAM:$1", "OP:->>"),
        view("1.5e-3=-0x1F::int $1->>"));
  }

  @Test void placeholdersAreNamesAsWritten() {
    assertEquals(List.of("QUOTED:${schema}", "OP:.", "WORD:t", "QUOTED:{{ index .Options \"Namespace\" }}", "STRING::'v'"),
        view("${schema}.t {{ index .Options \"Namespace\" }} :'v'"));
  }

  @Test void offsetsAreTheStatementsAndTextSpansTokens() {
    Tokens t = Tokens.of("ALTER TABLE t /* c */ ADD c int");
    assertEquals(22, t.get(3).start());
    assertEquals("t /* c */ ADD", t.text(2, 3));
    assertEquals(31, t.get(99).start());
  }

  @Test void reusesTheSplittersTokens() {
    String file = "-- header\nCREATE TABLE a (id int);\n\n  ALTER TABLE \"A\" ADD c text DEFAULT E'\\t';";
    List<SqlStatement> statements = Splitter.split("f.sql", file);
    SqlStatement second = statements.get(1);
    Tokens lexed = Tokens.of(second.text(), second.tokens(), second.span().offset());
    Tokens again = Tokens.of(second.text());
    assertEquals(again.size(), lexed.size());
    for (int i = 0; i < again.size(); i++) assertEquals(again.get(i), lexed.get(i));
    assertEquals("\t", lexed.get(lexed.size() - 1).value());
    assertEquals(0, lexed.get(0).start());
  }
}
