package slipway.core.rule;

import org.junit.jupiter.api.Test;

class AlterDomainAddConstraintScansTest {
  RuleTester tester = RuleTester.of(new AlterDomainAddConstraintScans());

  @Test void flagsValidatedConstraint() {
    tester.check("""
        -- expect: alter-domain-add-constraint-scans
        ALTER DOMAIN amount ADD CONSTRAINT positive CHECK (VALUE > 0);
        """);
  }

  @Test void allowsNotValid() {
    tester.check("""
        ALTER DOMAIN amount ADD CONSTRAINT positive CHECK (VALUE > 0) NOT VALID;
        ALTER DOMAIN amount VALIDATE CONSTRAINT positive;
        """);
  }

}
