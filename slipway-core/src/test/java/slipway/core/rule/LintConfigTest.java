package slipway.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import slipway.core.BadInputException;

class LintConfigTest {
  @Test void readsEveryKey() {
    LintConfig c = LintConfig.parse("slipway.toml", """
        # production
        pg-version = 14
        paths = ["db/migration", "db/extra"]
        assume-in-transaction = true
        fail-on = "error"

        [rules]
        prefer-text = "off"
        lock-timeout-missing = "warning"   # we want it
        """);
    assertEquals(14, c.pgVersion());
    assertEquals(List.of("db/migration", "db/extra"), c.paths());
    assertTrue(c.assumeInTransaction());
    assertEquals(Severity.ERROR, c.failOn());
    assertFalse(c.enabled(PreferText.INFO));
    assertEquals(Severity.WARNING, c.severity(LockTimeoutMissing.INFO));
    assertEquals(Severity.ERROR, c.severity(CreateIndexBlocksWrites.INFO));
  }

  @Test void badInputSaysWhereAndWhatToDo() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> LintConfig.parse("slipway.toml", "pg-version = 14\n[rules]\nno-such-rule = \"off\"\n"));
    assertTrue(e.getMessage().contains("slipway.toml:3:1"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown rule 'no-such-rule'"), e.getMessage());
    assertThrows(BadInputException.class, () -> LintConfig.parse("x", "color = \"red\"\n"));
    assertThrows(BadInputException.class, () -> LintConfig.parse("x", "[rules]\nprefer-text = \"loud\"\n"));
  }

  @Test void configuredSeverityAndOffApplyToFindings() {
    LintConfig c = LintConfig.DEFAULT.withRule("create-index-blocks-writes", "warning").withRule("prefer-text", "off");
    List<Finding> f = Linter.standard(c, Stats.NONE)
        .lint(List.of(new Linter.SourceFile("a.sql", "CREATE INDEX i ON t (c); CREATE TABLE x (a varchar(5));")))
        .get(0).findings();
    assertTrue(f.stream().anyMatch(x -> x.rule().id().equals("create-index-blocks-writes") && x.severity() == Severity.WARNING));
    assertTrue(f.stream().noneMatch(x -> x.rule().id().equals("prefer-text")));
  }
}
