package slipway.core.rule;

import org.junit.jupiter.api.Test;

class AlterColumnTypeRewritesTableTest {
  RuleTester tester = RuleTester.of(new AlterColumnTypeRewritesTable()).given("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region varchar(50), total int, note text);", "ALTER TABLE orders ADD COLUMN at timestamp;", "ALTER TABLE orders ADD COLUMN seen timestamptz;");

  @Test void flagsRewritingChange() {
    tester.check("""
        -- expect: alter-column-type-rewrites-table integer to bigint
        ALTER TABLE orders ALTER COLUMN total TYPE bigint;
        -- expect: alter-column-type-rewrites-table unless the session time zone is UTC
        ALTER TABLE orders ALTER COLUMN at TYPE timestamptz;
        -- expect: alter-column-type-rewrites-table unless the session time zone is UTC
        ALTER TABLE orders ALTER COLUMN seen TYPE timestamp;
        -- expect: alter-column-type-rewrites-table
        ALTER TABLE orders ALTER COLUMN region TYPE varchar(20);
        -- expect: alter-column-type-rewrites-table
        ALTER TABLE orders ALTER COLUMN note TYPE varchar(10) USING substr(note, 1, 10);
        -- expect: alter-column-type-rewrites-table does not know the column's current type
        ALTER TABLE unknown_history ALTER COLUMN title TYPE varchar(255);
        """);
  }

  @Test void unknownCurrentTypeWideningIsAWarningNotAnError() {
    var findings = tester.lint("ALTER TABLE unknown_history ALTER COLUMN title TYPE text;\n"
        + "ALTER TABLE unknown_history ALTER COLUMN n TYPE bigint;");
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.List.of(Severity.WARNING, Severity.ERROR), findings.stream().map(Finding::severity).toList());
  }

  @Test void aTimeZoneChangeOutsideUtcIsAWarning() {
    // It rewrites only when the session's TimeZone is not UTC, which lint cannot see.
    var findings = tester.lint("ALTER TABLE orders ALTER COLUMN at TYPE timestamptz;\n"
        + "ALTER TABLE orders ALTER COLUMN seen TYPE timestamp;");
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.List.of(Severity.WARNING, Severity.WARNING), findings.stream().map(Finding::severity).toList());
  }

  @Test void eachActionIsJudgedOnItsOwn() {
    // One binary-coercible and one rewriting change in one statement: only the rewriting one is flagged.
    var findings = tester.lint("ALTER TABLE orders ALTER COLUMN region TYPE text, ALTER COLUMN total TYPE bigint;");
    org.junit.jupiter.api.Assertions.assertEquals(1, findings.size(), findings.toString());
    org.junit.jupiter.api.Assertions.assertTrue(findings.get(0).message().contains("integer to bigint"), findings.toString());
  }

  @Test void allowsBinaryCompatibleChanges() {
    tester.check("""
        ALTER TABLE orders ALTER COLUMN region TYPE varchar(100);
        ALTER TABLE orders ALTER COLUMN region TYPE text;
        SET TimeZone = 'UTC';
        ALTER TABLE orders ALTER COLUMN at TYPE timestamptz;
        ALTER TABLE orders ALTER COLUMN seen TYPE timestamp without time zone;
        ALTER TABLE orders ALTER COLUMN note SET DATA TYPE varchar;
        ALTER TABLE orders ALTER COLUMN note TYPE text USING note::text;
        CREATE TABLE r (x int); ALTER TABLE r ALTER COLUMN x TYPE bigint;
        """);
  }

}
