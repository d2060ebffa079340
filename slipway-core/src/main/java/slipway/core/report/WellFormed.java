package slipway.core.report;

import java.util.List;
import slipway.core.BadInputException;
import slipway.core.source.Migration;
import slipway.core.sql.Diagnostic;
import slipway.core.sql.Parser;
import slipway.core.sql.Script;
import slipway.core.sql.Splitter;
import slipway.core.sql.SqlStatement;
import slipway.core.sql.syntax.Unrecognized;

/** Checks that migrations are well-formed SQL before the lock model and the rules read them. */
public final class WellFormed {
  private WellFormed() {}

  /**
   * Malformed SQL is bad input (exit 2): an unterminated quote or comment, or a statement that starts
   * like a form the parser reads and then breaks PostgreSQL's grammar. The message is one line with
   * the position in the real file.
   */
  public static void require(List<Migration> migrations) {
    for (Migration m : migrations) {
      BadInputException bad = problem(m, Splitter.script(m.file(), m.text()));
      if (bad != null) {
        throw bad;
      }
    }
  }

  /**
   * What {@link #require} throws for this migration ({@code script} is its text split), or null when it
   * is well-formed.
   */
  public static BadInputException problem(Migration m, Script script) {
    return problem(m, script, Parser::parse);
  }

  /** As {@link #problem(Migration, Script)}, with the statements' parses from {@code parsed} (e.g. memoized). */
  public static BadInputException problem(Migration m, Script script,
      java.util.function.Function<SqlStatement, slipway.core.sql.syntax.Statement> parsed) {
    Diagnostic bad = script.diagnostics().isEmpty() ? null : script.diagnostics().get(0);
    if (bad == null) {
      for (SqlStatement st : script.statements()) {
        slipway.core.sql.syntax.Statement tree = parsed.apply(st);
        if (tree instanceof Unrecognized u && u.error() != null
            && !u.error().message().startsWith(Parser.INTERNAL_ERROR)) {
          bad = u.error();
          break;
        }
      }
    }
    return bad == null ? null
        : new BadInputException(m.file() + ":" + m.fileLine(bad.span().line()) + ":" + bad.span().column(),
            bad.message());
  }
}
