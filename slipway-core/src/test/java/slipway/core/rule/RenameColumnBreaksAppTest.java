package slipway.core.rule;

import org.junit.jupiter.api.Test;

class RenameColumnBreaksAppTest {
  RuleTester tester = RuleTester.of(new RenameColumnBreaksApp()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);");

  @Test void flagsRename() {
    tester.check("""
        -- expect: rename-column-breaks-app "orders"."note"
        ALTER TABLE orders RENAME COLUMN note TO comment;
        """);
  }

  @Test void allowsNewTablesAndDownMigrations() {
    tester.check("""
        CREATE TABLE r (x int); ALTER TABLE r RENAME COLUMN x TO y;
        """);
  }

  @Test void allowsDownMigration() {
    tester.check("V9__x.down.sql", """
        ALTER TABLE orders RENAME COLUMN note TO comment;
        """);
  }

}
