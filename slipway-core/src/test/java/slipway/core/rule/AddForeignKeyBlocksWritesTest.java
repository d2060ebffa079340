package slipway.core.rule;

import org.junit.jupiter.api.Test;

class AddForeignKeyBlocksWritesTest {
  RuleTester tester = RuleTester.of(new AddForeignKeyBlocksWrites()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);", "CREATE TABLE customers (id bigint PRIMARY KEY);");

  @Test void flagsValidatedForeignKey() {
    tester.check("""
        -- expect: add-foreign-key-blocks-writes "customers"
        ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
        -- expect: add-foreign-key-blocks-writes NOT VALID
        ALTER TABLE orders ADD COLUMN buyer_id bigint REFERENCES customers (id) ON DELETE SET NULL;
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
    // The lock model (proven on the server) has ADD COLUMN … REFERENCES lock both tables but not scan.
    tester.check("""
        -- expect: add-foreign-key-blocks-writes wait while the new foreign key is added, and writes to "customers" wait too
        ALTER TABLE orders ADD COLUMN buyer_id bigint CONSTRAINT "Buyer_fk" REFERENCES customers (id) DEFERRABLE;
        """);
    tester.check("""
        -- expect: add-foreign-key-blocks-writes ADD CONSTRAINT "Buyer_fk" FOREIGN KEY (buyer_id) REFERENCES customers (id) DEFERRABLE NOT VALID;
        ALTER TABLE orders ADD COLUMN buyer_id bigint CONSTRAINT "Buyer_fk" REFERENCES customers (id) DEFERRABLE;
        """);
  }
}
