package slipway.engine.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.CatalogReplay;
import slipway.engine.testing.PostgresExtension;
import slipway.engine.testing.TestDatabase;

/**
 * Dropping a primary key leaves its columns NOT NULL — declared NOT NULL or made so by the key — and the
 * catalog replay agrees (rules such as primary-key-sets-not-null read that NOT NULL).
 */
@Tag("pg-behaviour")
@ExtendWith(PostgresExtension.class)
class DropPrimaryKeyNotNullServerTest {
  static final String SQL = "CREATE TABLE a (id int PRIMARY KEY, k int); ALTER TABLE a DROP CONSTRAINT a_pkey;\n"
      + "CREATE TABLE b (id int NOT NULL PRIMARY KEY); ALTER TABLE b DROP CONSTRAINT b_pkey;\n"
      + "CREATE TABLE c (id int); ALTER TABLE c ADD PRIMARY KEY (id); ALTER TABLE c DROP CONSTRAINT c_pkey;";

  @Test void columnsStayNotNull(TestDatabase db) throws Exception {
    db.execute(SQL);
    List<String> server = db.column("SELECT attrelid::regclass || '.' || attname || '=' || attnotnull FROM pg_attribute "
        + "WHERE attrelid IN ('a'::regclass, 'b'::regclass, 'c'::regclass) AND attnum = 1 ORDER BY 1");
    assertEquals(List.of("a.id=true", "b.id=true", "c.id=true"), server, "on PostgreSQL " + db.major());

    Catalog catalog = new Catalog();
    catalog.beginMigration();
    CatalogReplay.applyScript(catalog, SQL);
    for (String t : List.of("a", "b", "c")) {
      assertEquals(true, catalog.relation(t).columns.get("id").notNull, t + ".id in the catalog replay");
    }
  }
}
