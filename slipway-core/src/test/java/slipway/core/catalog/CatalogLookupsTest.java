package slipway.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import slipway.core.sql.Splitter;
import slipway.core.sql.SqlStatement;

/**
 * The catalog answers indexesOf, children, descendants and dependentViews from maps it keeps up to date
 * between questions; after every statement the answers must equal a scan of every relation and index.
 */
class CatalogLookupsTest {
  /** Every lookup, for every key the catalog knows, against the scan (answered while a change is open). */
  static void assertLookupsMatchScans(Catalog c, Set<String> keys, String where) {
    for (String k : keys) {
      List<Catalog.Index> indexes = c.indexesOf(k);
      List<Catalog.Relation> children = c.children(k);
      List<Catalog.Relation> descendants = c.descendants(k);
      List<Catalog.Relation> views = c.dependentViews(k);
      c.beginChange();
      try {
        assertEquals(c.indexesOf(k), indexes, where + ": indexesOf(" + k + ")");
        assertEquals(c.children(k), children, where + ": children(" + k + ")");
        assertEquals(c.descendants(k), descendants, where + ": descendants(" + k + ")");
        assertEquals(c.dependentViews(k), views, where + ": dependentViews(" + k + ")");
      } finally {
        c.endChange();
      }
    }
  }

  static Set<String> allKeys(Catalog c) {
    Set<String> keys = new LinkedHashSet<>();
    for (Catalog.Relation r : c.relations()) {
      keys.add(r.key);
      if (r.partitionOf != null) keys.add(r.partitionOf);
      keys.addAll(r.inherits);
      keys.addAll(r.reads);
    }
    for (Catalog.Index i : c.indexes.values()) {
      if (i.table != null) keys.add(i.table);
    }
    return keys;
  }

  @Test
  void partitionsInheritanceViewsRenamesAndDrops() {
    String script = """
        CREATE TABLE m (id int PRIMARY KEY, at date) PARTITION BY RANGE (at);
        CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE TABLE m_2025 (id int, at date);
        CREATE INDEX m_2025_at ON m_2025 (at);
        ALTER TABLE m ATTACH PARTITION m_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        CREATE INDEX m_at ON m (at);
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE c1 (extra text) INHERITS (p);
        CREATE TABLE c2 (more text) INHERITS (p, c1);
        CREATE TABLE lonely (id int);
        ALTER TABLE lonely INHERIT p;
        CREATE VIEW v AS SELECT * FROM p JOIN m ON true;
        CREATE MATERIALIZED VIEW mv AS SELECT * FROM v;
        CREATE OR REPLACE VIEW v AS SELECT * FROM c1;
        ALTER TABLE lonely NO INHERIT p;
        ALTER TABLE m DETACH PARTITION m_2024;
        ALTER TABLE m RENAME TO measurements;
        ALTER INDEX m_2025_at RENAME TO m_2025_at_idx;
        ALTER TABLE p ADD CONSTRAINT p_uq UNIQUE (id);
        ALTER TABLE p RENAME TO parents;
        CREATE TABLE t (id serial PRIMARY KEY, email text);
        CREATE UNIQUE INDEX t_email ON t (email);
        ALTER TABLE t ADD CONSTRAINT t_email_uq UNIQUE USING INDEX t_email;
        ALTER TABLE t DROP COLUMN email;
        DROP VIEW v CASCADE;
        DROP TABLE parents CASCADE;
        DROP INDEX m_at;
        DROP TABLE measurements;
        CREATE TABLE m (id int);
        """;
    Catalog c = new Catalog();
    c.beginMigration();
    int n = 0;
    for (SqlStatement s : Splitter.split("<test>", script)) {
      // Ask before and after each statement, as the lock model does before and the next one after.
      assertLookupsMatchScans(c, allKeys(c), "before " + s.text());
      Set<String> before = allKeys(c);
      CatalogReplay.apply(c, s.text());
      Set<String> keys = allKeys(c);
      keys.addAll(before);
      assertLookupsMatchScans(c, keys, "after " + s.text());
      n++;
    }
    assertEquals(29, n);
  }

  /** ../shared/corpus beside the repository (or a worktree of it), or -Dslipway.corpus=…. */
  private static Path corpus() {
    String property = System.getProperty("slipway.corpus");
    if (property != null) return Path.of(property);
    for (String candidate : List.of("../../shared/corpus", "../../../shared/corpus")) {
      if (Files.isDirectory(Path.of(candidate))) return Path.of(candidate);
    }
    return Path.of("../../shared/corpus");
  }

  @Test
  void theCorpusReplayedInOneCatalog() throws IOException {
    Path root = corpus();
    assumeTrue(Files.isDirectory(root), "corpus not found at " + root.toAbsolutePath());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".sql") && !p.toString().contains("postgres__postgres"))
          .sorted().toList();
    }
    Catalog c = new Catalog();
    int statement = 0;
    for (Path file : files) {
      c.beginMigration();
      String source = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      for (SqlStatement s : Splitter.split(file.toString(), source)) {
        if (s.psqlMetaCommand()) continue;
        CatalogReplay.apply(c, s.text());
        statement++;
        // After every statement the relations it names; after every 200th, everything.
        String text = s.text().toLowerCase(Locale.ROOT);
        Set<String> keys = new LinkedHashSet<>();
        if (statement % 200 == 0) {
          keys = allKeys(c);
        } else {
          for (String k : allKeys(c)) {
            String name = k.substring(k.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (text.contains(name)) keys.add(k);
          }
        }
        assertLookupsMatchScans(c, keys, file + " statement " + statement);
      }
    }
    assertLookupsMatchScans(c, allKeys(c), "the end");
    assertEquals(true, statement > 1000, "statements replayed: " + statement);
  }
}
