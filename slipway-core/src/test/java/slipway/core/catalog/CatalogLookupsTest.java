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
 * The catalog answers indexesOf, children, descendants, dependentViews, referencedBy and ownedSequences
 * from maps it keeps up to date between questions, and while a statement is applied; after every
 * statement, and in the middle of one, the answers must equal a scan of every relation and index.
 */
class CatalogLookupsTest {
  /** Every lookup, for every key given, against the scan, outside a change and with one open. */
  static void assertLookupsMatchScans(Catalog c, Set<String> keys, String where) {
    assertAgainstScans(c, keys, where);
    c.beginChange();
    try {
      assertAgainstScans(c, keys, where + " (a change open)");
    } finally {
      c.endChange();
    }
  }

  private static void assertAgainstScans(Catalog c, Set<String> keys, String where) {
    for (String k : keys) {
      assertEquals(scanIndexes(c, k), c.indexesOf(k), where + ": indexesOf(" + k + ")");
      assertEquals(scanChildren(c, k), c.children(k), where + ": children(" + k + ")");
      List<Catalog.Relation> descendants = new java.util.ArrayList<>();
      scanDescendants(c, k, descendants, new LinkedHashSet<>());
      assertEquals(descendants, c.descendants(k), where + ": descendants(" + k + ")");
      assertEquals(scanViews(c, k), c.dependentViews(k), where + ": dependentViews(" + k + ")");
      assertEquals(scanReferencedBy(c, k), c.referencedBy(k), where + ": referencedBy(" + k + ")");
      assertEquals(scanOwned(c, k), c.ownedSequences(k), where + ": ownedSequences(" + k + ")");
      assertEquals(c.relations().stream().filter(r -> r.reads.contains(k)).toList(), c.readers(k),
          where + ": readers(" + k + ")");
      assertEquals(c.relations().stream().filter(r -> k.equals(r.ownedBy)).toList(), c.owned(k),
          where + ": owned(" + k + ")");
      assertEquals(c.relations().stream().filter(r -> r.inherits.contains(k)
          || r.constraints.stream().anyMatch(x -> k.equals(x.refTable))).toList(),
          c.referencingOrInheriting(k), where + ": referencingOrInheriting(" + k + ")");
    }
  }

  // The scans: what each lookup means, written out over every relation and index in the map's order.

  private static List<Catalog.Index> scanIndexes(Catalog c, String k) {
    return c.indexes.values().stream().filter(i -> k.equals(i.table)).toList();
  }

  private static List<Catalog.Relation> scanChildren(Catalog c, String k) {
    return c.relations().stream().filter(r -> k.equals(r.partitionOf) || r.inherits.contains(k)).toList();
  }

  private static void scanDescendants(Catalog c, String k, List<Catalog.Relation> out, Set<String> seen) {
    for (Catalog.Relation r : scanChildren(c, k)) {
      if (seen.add(r.key)) {
        out.add(r);
        scanDescendants(c, r.key, out, seen);
      }
    }
  }

  private static List<Catalog.Relation> scanViews(Catalog c, String k) {
    return c.relations().stream().filter(r -> (r.kind == Catalog.Kind.VIEW || r.kind == Catalog.Kind.MATERIALIZED_VIEW)
        && r.reads.contains(k)).toList();
  }

  private static List<String> scanReferencedBy(Catalog c, String k) {
    return c.relations().stream().filter(r -> r.constraints.stream()
        .anyMatch(x -> x.type == Catalog.ConstraintType.FOREIGN_KEY && k.equals(x.refTable))).map(r -> r.key).toList();
  }

  private static List<Catalog.Relation> scanOwned(Catalog c, String k) {
    return c.relations().stream().filter(r -> r.kind == Catalog.Kind.SEQUENCE && k.equals(r.ownedBy)).toList();
  }

  static Set<String> allKeys(Catalog c) {
    Set<String> keys = new LinkedHashSet<>();
    for (Catalog.Relation r : c.relations()) {
      keys.add(r.key);
      if (r.partitionOf != null) keys.add(r.partitionOf);
      keys.addAll(r.inherits);
      keys.addAll(r.reads);
      if (r.ownedBy != null) keys.add(r.ownedBy);
      for (Catalog.Constraint x : r.constraints) {
        if (x.refTable != null) keys.add(x.refTable);
      }
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
        CREATE TABLE accounts (id bigserial PRIMARY KEY, owner_id int);
        CREATE TABLE orders (id serial PRIMARY KEY, account_id bigint REFERENCES accounts, m_id int);
        ALTER TABLE orders ADD CONSTRAINT orders_m FOREIGN KEY (m_id) REFERENCES m (id);
        ALTER TABLE accounts ADD CONSTRAINT accounts_self FOREIGN KEY (owner_id) REFERENCES accounts;
        CREATE SEQUENCE loose;
        ALTER SEQUENCE loose OWNED BY orders.m_id;
        ALTER TABLE orders DROP CONSTRAINT orders_m;
        ALTER TABLE orders DROP COLUMN m_id;
        ALTER SEQUENCE loose OWNED BY NONE;
        CREATE TABLE snapshot AS SELECT * FROM accounts;
        ALTER TABLE accounts RENAME TO customers;
        DROP TABLE customers CASCADE;
        DROP TABLE orders;
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
    assertEquals(42, n);
  }

  @Test
  void askedWhileOneChangeSpansManyStatements() {
    // A DO block's statements are applied inside one change: questions in between see the values added
    // since it began, field by field, and not the values it removed.
    String script = """
        CREATE TABLE a (id int PRIMARY KEY);
        CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);
        CREATE INDEX b_a ON b (a_id);
        CREATE TABLE b_old (x int) INHERITS (b);
        CREATE VIEW bv AS SELECT * FROM b;
        DROP INDEX b_a;
        ALTER TABLE b DROP CONSTRAINT b_a_id_fkey;
        DROP TABLE a CASCADE;
        CREATE TABLE a (id serial PRIMARY KEY);
        ALTER TABLE b ADD CONSTRAINT b_a FOREIGN KEY (a_id) REFERENCES a;
        ALTER TABLE b RENAME TO bee;
        CREATE INDEX bee_a ON bee (a_id);
        """;
    Catalog c = new Catalog();
    c.beginMigration();
    CatalogReplay.apply(c, "CREATE TABLE z (id int PRIMARY KEY, a_id int)");
    CatalogReplay.apply(c, "CREATE INDEX z_a ON z (a_id)");
    c.beginChange();
    try {
      int n = 0;
      for (SqlStatement s : Splitter.split("<test>", script)) {
        Set<String> before = allKeys(c);
        CatalogReplay.apply(c, s.text());
        if (n++ % 3 == 2) {
          c.touch(); // a change announced wholesale: the questions until the change ends are answered by a scan
        }
        Set<String> keys = allKeys(c);
        keys.addAll(before);
        keys.add("a");
        assertAgainstScans(c, keys, "in one change, after " + s.text());
      }
    } finally {
      c.endChange();
    }
    assertLookupsMatchScans(c, allKeys(c), "after the change");
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
