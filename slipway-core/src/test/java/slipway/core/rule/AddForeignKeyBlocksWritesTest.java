package slipway.core.rule;

import org.junit.jupiter.api.Test;

class AddForeignKeyBlocksWritesTest {
  RuleTester tester = RuleTester.of(new AddForeignKeyBlocksWrites()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);", "CREATE TABLE customers (id bigint PRIMARY KEY);");

  @Test void flagsValidatedForeignKey() {
    tester.check("""
        -- expect: add-foreign-key-blocks-writes "customers"
        ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
        -- expect: add-foreign-key-blocks-writes NOT VALID
        ALTER TABLE orders ADD COLUMN buyer_id bigint DEFAULT 0 REFERENCES customers (id) ON DELETE SET NULL;
        """);
  }

  @Test void allowsNotValidAndNewTables() {
    tester.check("""
        ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
        CREATE TABLE items (id bigint, order_id bigint REFERENCES orders (id));
        ALTER TABLE items ADD CONSTRAINT items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
        """);
  }

  @Test void fixAddsNotValidThenValidate() {
    tester.fix("""
        ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id);
        """, """
        ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT fk;
        """);
  }

  @Test void addColumnReferencesKeepsTheConstraintNameAndSaysWhatTheLockModelSays() {
    // The lock model (proven on the server) has ADD COLUMN … DEFAULT … REFERENCES check every row (even with
    // DEFAULT NULL); without a default nothing is checked: instant, not flagged.
    tester.check("""
        -- expect: add-foreign-key-blocks-writes wait while the new foreign key is checked against every row, and writes to "customers" wait too
        ALTER TABLE orders ADD COLUMN buyer_id bigint DEFAULT 1 CONSTRAINT "Buyer_fk" REFERENCES customers (id) DEFERRABLE;
        """);
    var f = tester.lint("ALTER TABLE orders ADD COLUMN buyer_id bigint DEFAULT 1 CONSTRAINT \"Buyer_fk\" REFERENCES customers (id) DEFERRABLE;");
    org.junit.jupiter.api.Assertions.assertEquals("ALTER TABLE orders ADD COLUMN buyer_id bigint DEFAULT 1;\n"
        + "ALTER TABLE orders ADD CONSTRAINT \"Buyer_fk\" FOREIGN KEY (buyer_id) REFERENCES customers (id) DEFERRABLE NOT VALID;\n"
        + "ALTER TABLE orders VALIDATE CONSTRAINT \"Buyer_fk\";  -- separate transaction", f.get(0).instead());
    tester.check("""
        ALTER TABLE orders ADD COLUMN buyer_id bigint CONSTRAINT "Buyer_fk" REFERENCES customers (id) DEFERRABLE;
        -- expect: add-foreign-key-blocks-writes checked against every row
        ALTER TABLE orders ADD COLUMN seller_id bigint DEFAULT NULL REFERENCES customers (id);
        """);
  }

}
