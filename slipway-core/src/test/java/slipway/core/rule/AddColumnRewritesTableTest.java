package slipway.core.rule;

import org.junit.jupiter.api.Test;

class AddColumnRewritesTableTest {
  RuleTester tester = RuleTester.of(new AddColumnRewritesTable()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);");

  @Test void flagsVolatileDefault() {
    tester.check("""
        -- expect: add-column-rewrites-table gen_random_uuid() is volatile
        ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
        -- expect: add-column-rewrites-table sequence
        ALTER TABLE orders ADD COLUMN seq bigserial;
        -- expect: add-column-rewrites-table stored generated
        ALTER TABLE orders ADD COLUMN doubled int GENERATED ALWAYS AS (total * 2) STORED;
        """);
  }

  @Test void allowsConstantAndStableDefaults() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN status text DEFAULT 'active';
        ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
        ALTER TABLE orders ADD COLUMN flag boolean;
        CREATE TABLE r (id bigint); ALTER TABLE r ADD COLUMN token uuid DEFAULT gen_random_uuid();
        """);
  }

  @Test void aFunctionCreatedVolatileRewritesAsTheLockModelSays() {
    // CREATE FUNCTION makes a function VOLATILE unless told otherwise; the lock model says it rewrites.
    tester.given("CREATE FUNCTION make_code() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;").check("""
        -- expect: add-column-rewrites-table the default make_code() is volatile
        ALTER TABLE orders ADD COLUMN code text DEFAULT make_code();
        """);
  }

  @Test void insteadKeepsTheNamesAsWritten() {
    RuleTester.of(new AddColumnRewritesTable()).given("CREATE TABLE public.\"Orders\" (id bigint);").check("""
        -- expect: add-column-rewrites-table ALTER TABLE Public."Orders" ADD COLUMN "Token" uuid;
        ALTER TABLE Public."Orders" ADD COLUMN "Token" UUID DEFAULT gen_random_uuid();
        -- expect: add-column-rewrites-table ALTER TABLE Public."Orders" ALTER COLUMN "N" SET DEFAULT nextval('s');
        ALTER TABLE Public."Orders" ADD "N" bigint NOT NULL DEFAULT nextval('s');
        """);
  }

  @Test void flagsADomainColumnWithACheck() {
    RuleTester.of(new AddColumnRewritesTable()).given("""
        CREATE TABLE orders (id bigint PRIMARY KEY);
        CREATE DOMAIN positive_amount AS numeric CHECK (VALUE > 0);
        CREATE DOMAIN label AS text;
        """).check("""
        -- expect: add-column-rewrites-table ALTER TABLE orders ADD COLUMN total numeric;
        ALTER TABLE orders ADD COLUMN total positive_amount;
        ALTER TABLE orders ADD COLUMN tag label;
        """);
  }
}
