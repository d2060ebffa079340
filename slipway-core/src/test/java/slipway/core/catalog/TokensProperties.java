package slipway.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import slipway.core.sql.Splitter;
import slipway.core.sql.SqlStatement;

/**
 * Tokens is a view over the Lexer: over generated SQL-like text, every truncation of a migration and
 * arbitrary bytes, it never throws, its offsets lie within the text, the splitter's tokens give the
 * same view as lexing the statement again, and the replay (without its safety net) never throws.
 */
public class TokensProperties {
  /** Fragments of the shapes the catalog and lock model read, and of the lexical corners. */
  public static final List<String> FRAGMENTS = List.of("CREATE TABLE ", "ALTER TABLE ", "DROP ", "CREATE ", "INDEX ",
      "CONCURRENTLY ", "UNIQUE ", "ON ", "t", "\"T\"", "public.", "s.", " (", ")", "(", ", ", ";", " ",
      "id bigint PRIMARY KEY", "c int", " NOT NULL", " DEFAULT now()", " DEFAULT 'x'", " REFERENCES u (id)",
      " ADD COLUMN ", " ALTER COLUMN c TYPE bigint", " USING c::bigint", " SET NOT NULL", " ADD CONSTRAINT k ",
      "CHECK (c > 0)", " NOT VALID", "VALIDATE CONSTRAINT k", "PARTITION BY RANGE (id)", " PARTITION OF t ",
      "FOR VALUES FROM (1) TO (10)", "ATTACH PARTITION ", "DETACH PARTITION ", "CREATE TYPE e AS ENUM ('a')",
      "ALTER TYPE e ADD VALUE 'b'", "CREATE DOMAIN d AS int", "CREATE VIEW v AS SELECT * FROM t",
      "CREATE SEQUENCE q", "nextval('q')", "DO $$ BEGIN EXECUTE 'ALTER TABLE t ADD d int'; END $$",
      "DO $do$ BEGIN ", " END $do$", "'str''ing'", "E'esc\\'aped\\n'", "U&'\\0041'", "U&\"\\0041\"",
      "\"Quoted\"\"Id\"", "$$", "$tag$", "$1", "/*", "*/", "/* /* nested */ */", "--", "\n", "\r\n", "[", "]",
      "::", ".", "\\", "${schema}", "{{ .Ns }}", ":'v'", ":\"v\"", "{", "}", "e'", "x'", "U&\"", "\uFEFF", "é",
      "ÉCOLE", "😀", "\u0000", "0x1F", "1.5e-3", "->>", "=", "+-", "UESCAPE '!'", "COLLATE \"C\"",
      "x".repeat(70), "GENERATED ALWAYS AS IDENTITY", "LOCK TABLE t IN SHARE MODE", "VACUUM t", "REINDEX TABLE t");

  static final String MIGRATION = """
      CREATE TABLE t (id bigint PRIMARY KEY, c int NOT NULL DEFAULT 0 CHECK (c >= 0), e text COLLATE "C");
      CREATE INDEX CONCURRENTLY t_c ON t (c) WHERE c > 0;
      ALTER TABLE t ADD CONSTRAINT t_e FOREIGN KEY (id) REFERENCES u (id) NOT VALID, ALTER c TYPE bigint USING c::bigint;
      CREATE TABLE p (id int) PARTITION BY RANGE (id);
      CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (1) TO (10);
      ALTER TYPE e ADD VALUE IF NOT EXISTS 'b' BEFORE 'a';
      DO $$ BEGIN IF true THEN EXECUTE E'ALTER TABLE t ADD \\'d\\' int'; END IF; END $$;
      COMMENT ON TABLE "T" IS U&'d\\0061ta';
      """;

  @Provide
  Arbitrary<String> sqlish() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(30).map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void sqlishTextNeverThrowsAndOffsetsLieWithin(@ForAll("sqlish") String sql) {
    checkTokens(sql);
    replay(sql);
  }

  @Property(tries = 1000)
  void arbitraryStringsNeverThrow(@ForAll String sql) {
    checkTokens(sql);
    replay(sql);
  }

  @Property(tries = 500)
  void arbitraryBytesNeverThrow(@ForAll byte[] bytes) {
    String sql = new String(bytes, StandardCharsets.UTF_8);
    checkTokens(sql);
    replay(sql);
  }

  @Property(tries = 30)
  void everyTruncationOfAMigrationReplays(@ForAll("sqlish") String tail) {
    String script = MIGRATION + tail;
    for (int cut = 0; cut <= script.length(); cut++) {
      String prefix = script.substring(0, cut);
      checkTokens(prefix);
      Catalog catalog = new Catalog();
      for (SqlStatement s : Splitter.split("f.sql", prefix)) {
        Tokens t = Tokens.of(s.text(), s.tokens(), s.span().offset());
        checkWithin(t);
        CatalogReplay.apply(catalog, t);
      }
    }
  }

  /** Offsets within the text, in order, and the splitter's tokens give the view lexing gives. */
  static void checkTokens(String sql) {
    Tokens t = Tokens.of(sql);
    checkWithin(t);
    for (SqlStatement s : Splitter.split("f.sql", sql)) {
      Tokens lexed = Tokens.of(s.text(), s.tokens(), s.span().offset());
      checkWithin(lexed);
      // A U+FEFF is a byte order mark only at the start of a file: elsewhere the Lexer keeps it as a
      // stray character, so a statement that starts with one is lexed differently on its own.
      if (!s.text().startsWith("\uFEFF")) assertEquals(view(Tokens.of(s.text())), view(lexed), s.text());
    }
  }

  static void checkWithin(Tokens t) {
    int previousEnd = 0;
    for (int i = 0; i < t.size(); i++) {
      Tokens.Token k = t.get(i);
      assertTrue(0 <= k.start() && k.start() < k.end() && k.end() <= t.sql().length(), k + " in " + t.sql().length());
      assertTrue(k.start() >= previousEnd, "tokens overlap at " + k);
      previousEnd = k.end();
      assertEquals(k, t.get(i));
      t.text(0, i);
    }
    Tokens.Token past = t.get(t.size());
    assertEquals(t.sql().length(), past.start());
  }

  private static String view(Tokens t) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < t.size(); i++) sb.append(t.get(i)).append('\n');
    return sb.toString();
  }

  private static void replay(String sql) {
    Catalog catalog = new Catalog();
    for (SqlStatement s : Splitter.split("f.sql", sql)) {
      CatalogReplay.apply(catalog, Tokens.of(s.text(), s.tokens(), s.span().offset()));
    }
    CatalogReplay.apply(catalog, Tokens.of(sql));
  }
}
