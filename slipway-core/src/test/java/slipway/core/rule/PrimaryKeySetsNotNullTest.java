package slipway.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrimaryKeySetsNotNullTest {
  static final String ORDERS = """
      CREATE TABLE orders (id bigint, number text, total numeric);
      CREATE UNIQUE INDEX CONCURRENTLY orders_id_idx ON orders (id);
      """;

  RuleTester tester = RuleTester.of(new PrimaryKeySetsNotNull()).given(ORDERS);

  @Test void flagsPrimaryKeyUsingIndexOnANullableColumn() {
    tester.check("""
        -- expect: primary-key-sets-not-null sets NOT NULL on "id"
        ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx;
        """);
  }

  @Test void recipeMakesTheColumnNotNullFirst() {
    List<Finding> f = tester.lint("ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx;");
    assertEquals("""
        ALTER TABLE orders ADD CONSTRAINT orders_id_not_null CHECK (id IS NOT NULL) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT orders_id_not_null;
        ALTER TABLE orders ALTER COLUMN id SET NOT NULL;
        ALTER TABLE orders DROP CONSTRAINT orders_id_not_null;
        ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx;""", f.get(0).instead());
    assertEquals(List.of(), RuleTester.of(new PrimaryKeySetsNotNull(), new SetNotNullScansTable()).given(ORDERS)
        .lint(f.get(0).instead()));
  }

  @Test void passesANotNullColumn() {
    tester.check("""
        ALTER TABLE orders ALTER COLUMN id SET NOT NULL;
        ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx;
        """);
  }

  @Test void passesAColumnProvenByAValidatedCheck() {
    tester.check("""
        ALTER TABLE orders ADD CONSTRAINT orders_id_nn CHECK (id IS NOT NULL) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT orders_id_nn;
        ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx;
        """);
  }

  @Test void flagsAPrimaryKeyBuiltOnNullableColumns() {
    tester.check("""
        -- expect: primary-key-sets-not-null CREATE UNIQUE INDEX CONCURRENTLY orders_pk ON orders (id, number)
        ALTER TABLE orders ADD CONSTRAINT orders_pk PRIMARY KEY (id, number);
        """);
  }

  @Test void namesOnlyTheNullableColumns() {
    tester.check("""
        ALTER TABLE orders ALTER COLUMN id SET NOT NULL;
        -- expect: primary-key-sets-not-null sets NOT NULL on "number"
        ALTER TABLE orders ADD PRIMARY KEY (id, number);
        """);
  }

  @Test void passesANewTable() {
    tester.check("""
        CREATE TABLE invoices (id bigint, total numeric);
        ALTER TABLE invoices ADD PRIMARY KEY (id);
        """);
  }

  @Test void passesAUniqueConstraint() {
    tester.check("""
        ALTER TABLE orders ADD CONSTRAINT orders_id_key UNIQUE USING INDEX orders_id_idx;
        """);
  }

  @Test void passesATableTheSchemaDoesNotKnow() {
    tester.check("""
        ALTER TABLE customers ADD PRIMARY KEY (id);
        """);
  }

  @Test void leavesASetNotNullInTheSameStatementToItsOwnRule() {
    tester.check("""
        ALTER TABLE orders ALTER COLUMN id SET NOT NULL, ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
        """);
  }
}
