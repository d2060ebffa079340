package slipway.core.rule;

import org.junit.jupiter.api.Test;

class AddColumnNotNullWithoutDefaultTest {
  RuleTester tester = RuleTester.of(new AddColumnNotNullWithoutDefault()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);");

  @Test void flagsNotNullWithoutDefault() {
    tester.check("""
        -- expect: add-column-not-null-without-default fails if "orders" has any row
        ALTER TABLE orders ADD COLUMN region_id bigint NOT NULL;
        """);
  }

  @Test void allowsDefaultNullableAndNewTable() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN region_id bigint NOT NULL DEFAULT 0;
        ALTER TABLE orders ADD COLUMN other bigint;
        ALTER TABLE orders ADD COLUMN seq bigserial NOT NULL;
        CREATE TABLE r (id bigint); ALTER TABLE r ADD COLUMN x int NOT NULL;
        """);
  }

  @Test void templatedSchemaNames() {
    // A migration tool's placeholder is part of the name; the rewrite keeps it as written.
    RuleTester.of(new AddColumnNotNullWithoutDefault()).check("""
        -- expect: add-column-not-null-without-default ALTER TABLE {{ index .Options "Namespace" }}.mfa ADD COLUMN id uuid NOT NULL DEFAULT <constant>;
        alter table {{ index .Options "Namespace" }}.mfa add column if not exists id UUID not null;
        """);
  }
}
