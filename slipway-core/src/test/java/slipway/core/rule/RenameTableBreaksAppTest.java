package slipway.core.rule;

import org.junit.jupiter.api.Test;

class RenameTableBreaksAppTest {
  RuleTester tester = RuleTester.of(new RenameTableBreaksApp()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);");

  @Test void flagsRename() {
    tester.check("""
        -- expect: rename-table-breaks-app CREATE VIEW
        ALTER TABLE orders RENAME TO purchases;
        """);
  }

  @Test void flagsSchemaRenameButNotOtherSchemaChanges() {
    tester.check("""
        -- expect: rename-table-breaks-app schema "app"
        ALTER SCHEMA app RENAME TO app2;
        ALTER SCHEMA app2 OWNER TO admin;
        """);
  }

  @Test void allowsNewTable() {
    tester.check("""
        CREATE TABLE r (x int); ALTER TABLE r RENAME TO s;
        """);
  }

}
