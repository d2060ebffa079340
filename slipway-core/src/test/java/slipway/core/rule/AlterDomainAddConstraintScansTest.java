package slipway.core.rule;

import org.junit.jupiter.api.Test;

class AlterDomainAddConstraintScansTest {
  RuleTester tester = RuleTester.of(new AlterDomainAddConstraintScans())
      .given("CREATE DOMAIN amount AS numeric; CREATE DOMAIN unused AS text;"
          + " CREATE TABLE payments (id bigint PRIMARY KEY, amount amount); CREATE TABLE refunds (id bigint, a amount);");

  @Test void flagsAConstraintThatChecksEveryRow() {
    tester.check("""
        -- expect: alter-domain-add-constraint-scans "payments", "refunds"
        ALTER DOMAIN amount ADD CONSTRAINT positive CHECK (VALUE > 0);
        -- expect: alter-domain-add-constraint-scans SHARE
        ALTER DOMAIN amount SET NOT NULL;
        -- expect: alter-domain-add-constraint-scans unknown_domain
        ALTER DOMAIN unknown_domain ADD CONSTRAINT positive CHECK (VALUE > 0);
        """);
  }

  @Test void validateOnADomainBlocksWritesToo() {
    tester.check("""
        ALTER DOMAIN amount ADD CONSTRAINT positive CHECK (VALUE > 0) NOT VALID;
        -- expect: alter-domain-add-constraint-scans unlike a table's
        ALTER DOMAIN amount VALIDATE CONSTRAINT positive;
        """);
  }

  @Test void allowsWhatChecksNoRow() {
    tester.check("""
        ALTER DOMAIN amount ADD CONSTRAINT positive CHECK (VALUE > 0) NOT VALID;
        ALTER DOMAIN unused ADD CONSTRAINT short CHECK (length(VALUE) < 10);
        ALTER DOMAIN amount DROP CONSTRAINT positive;
        ALTER DOMAIN amount SET DEFAULT 0;
        """);
  }
}
