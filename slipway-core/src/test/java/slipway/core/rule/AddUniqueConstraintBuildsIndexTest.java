package slipway.core.rule;

import org.junit.jupiter.api.Test;

class AddUniqueConstraintBuildsIndexTest {
  RuleTester tester = RuleTester.of(new AddUniqueConstraintBuildsIndex()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);");

  @Test void flagsUniqueAndPrimaryKey() {
    tester.check("""
        -- expect: add-unique-constraint-builds-index USING INDEX
        ALTER TABLE orders ADD CONSTRAINT orders_note_key UNIQUE (note);
        -- expect: add-unique-constraint-builds-index
        ALTER TABLE orders ADD PRIMARY KEY (id, customer_id);
        -- expect: add-unique-constraint-builds-index CREATE UNIQUE INDEX CONCURRENTLY orders_code_key
        ALTER TABLE orders ADD COLUMN code text UNIQUE;
        """);
  }

  @Test void allowsUsingIndexAndNewTable() {
    tester.check("""
        ALTER TABLE orders ADD CONSTRAINT orders_note_key UNIQUE USING INDEX orders_note_key;
        CREATE TABLE r (x int); ALTER TABLE r ADD CONSTRAINT r_x UNIQUE (x);
        """);
  }

  @Test void fixBuildsIndexConcurrently() {
    tester.fix("""
        ALTER TABLE orders ADD CONSTRAINT orders_note_key UNIQUE (note);
        """, """
        CREATE UNIQUE INDEX CONCURRENTLY orders_note_key ON orders (note);
        ALTER TABLE orders ADD CONSTRAINT orders_note_key UNIQUE USING INDEX orders_note_key;
        """);
  }

  @Test void noFixWhenTheRecipeWouldDropPartOfTheConstraint() {
    // The recipe keeps only the columns: NULLS NOT DISTINCT or INCLUDE would be lost, so no automatic fix.
    for (String sql : java.util.List.of("ALTER TABLE orders ADD CONSTRAINT k UNIQUE NULLS NOT DISTINCT (note);",
        "ALTER TABLE orders ADD UNIQUE (note) INCLUDE (total);")) {
      var findings = tester.lint(sql);
      org.junit.jupiter.api.Assertions.assertEquals(1, findings.size(), sql);
      org.junit.jupiter.api.Assertions.assertNull(findings.get(0).fix(), sql);
    }
  }

  @Test void primaryKeyOnANullableColumnMakesItNotNullFirst() {
    RuleTester.of(new AddUniqueConstraintBuildsIndex()).given("CREATE TABLE accounts (id bigint, email text);").check("""
        -- expect: add-unique-constraint-builds-index ALTER TABLE accounts ALTER COLUMN id SET NOT NULL;
        ALTER TABLE accounts ADD PRIMARY KEY (id);
        """);
  }
}
