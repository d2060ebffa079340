package slipway.core.rule;

import org.junit.jupiter.api.Test;

class AlterColumnTypeRewritesTableTest {
  RuleTester tester = RuleTester.of(new AlterColumnTypeRewritesTable()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);", "ALTER TABLE orders ADD COLUMN at timestamp;");

  @Test void flagsRewritingChange() {
    tester.check("""
        -- expect: alter-column-type-rewrites-table int to bigint
        ALTER TABLE orders ALTER COLUMN total TYPE bigint;
        -- expect: alter-column-type-rewrites-table unless the session time zone is UTC
        ALTER TABLE orders ALTER COLUMN at TYPE timestamptz;
        -- expect: alter-column-type-rewrites-table
        ALTER TABLE orders ALTER COLUMN region TYPE varchar(20);
        -- expect: alter-column-type-rewrites-table
        ALTER TABLE orders ALTER COLUMN note TYPE varchar USING note::varchar;
        """);
  }

  @Test void allowsBinaryCompatibleChanges() {
    tester.check("""
        ALTER TABLE orders ALTER COLUMN region TYPE varchar(100);
        ALTER TABLE orders ALTER COLUMN region TYPE text;
        SET TimeZone = 'UTC';
        ALTER TABLE orders ALTER COLUMN at TYPE timestamptz;
        ALTER TABLE orders ALTER COLUMN note SET DATA TYPE varchar;
        CREATE TABLE r (x int); ALTER TABLE r ALTER COLUMN x TYPE bigint;
        ALTER TABLE unknown_history ALTER COLUMN title TYPE varchar(255);
        """);
  }

}
