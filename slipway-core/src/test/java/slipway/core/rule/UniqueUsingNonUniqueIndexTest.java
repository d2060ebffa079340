package slipway.core.rule;

import org.junit.jupiter.api.Test;

class UniqueUsingNonUniqueIndexTest {
  RuleTester tester = RuleTester.of(new UniqueUsingNonUniqueIndex()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);", "CREATE INDEX orders_note_idx ON orders (note); CREATE UNIQUE INDEX orders_note_key ON orders (note);");

  @Test void flagsPlainIndex() {
    tester.check("""
        -- expect: unique-using-non-unique-index is not unique
        ALTER TABLE orders ADD CONSTRAINT u UNIQUE USING INDEX orders_note_idx;
        """);
  }

  @Test void allowsUniqueIndex() {
    tester.check("""
        ALTER TABLE orders ADD CONSTRAINT u UNIQUE USING INDEX orders_note_key;
        """);
  }

}
