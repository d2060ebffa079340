package slipway.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.CatalogReplay;
import slipway.core.lock.LockModel;
import slipway.core.lock.LockedRelation;
import slipway.core.BadInputException;
import slipway.core.rule.Statement;
import slipway.core.source.Migration;
import slipway.core.sql.Diagnostic;
import slipway.core.sql.Parser;
import slipway.core.sql.Script;
import slipway.core.sql.Splitter;
import slipway.core.sql.SqlStatement;
import slipway.core.sql.syntax.Unrecognized;

/**
 * Supplies {@link LintRunner} with the lock model's facts: each statement is classified against the
 * schema replayed from every earlier statement (earlier files first, in version order), then applied
 * to it, so a later {@code ALTER COLUMN … TYPE} knows the earlier type and a table created in the
 * same migration is known to be new. Stateful: use a fresh one per lint run, statements in order.
 */
public final class LockModelFacts implements Function<Statement, StatementFacts> {
  private final Catalog catalog;
  private final int pgMajor;
  private String lastFile;
  private int lastOffset = -1;

  public LockModelFacts(int pgMajor) {
    this(pgMajor, new Catalog());
  }

  /** Starts from a seeded catalog (e.g. read from a live database). */
  public LockModelFacts(int pgMajor, Catalog seed) {
    this.catalog = seed;
    this.pgMajor = pgMajor;
  }

  /**
   * Malformed SQL is bad input (exit 2): an unterminated quote or comment, or a statement that starts
   * like a form the parser reads and then breaks PostgreSQL's grammar. The message is one line with
   * the position in the real file.
   */
  public static void requireWellFormed(List<Migration> migrations) {
    for (Migration m : migrations) {
      Script script = Splitter.script(m.file(), m.text());
      Diagnostic bad = script.diagnostics().isEmpty() ? null : script.diagnostics().get(0);
      if (bad == null) {
        for (SqlStatement st : script.statements()) {
          slipway.core.sql.syntax.Statement parsed = Parser.parse(st);
          if (parsed instanceof Unrecognized u && u.error() != null
              && !u.error().message().startsWith(Parser.INTERNAL_ERROR)) {
            bad = u.error();
            break;
          }
        }
      }
      if (bad != null) {
        throw new BadInputException(m.file() + ":" + m.fileLine(bad.span().line()) + ":" + bad.span().column(),
            bad.message());
      }
    }
  }

  public Catalog catalog() {
    return catalog;
  }

  @Override
  public StatementFacts apply(Statement s) {
    String file = s.span().file();
    // A new file (or a new changeset earlier in the same file's text) starts a new migration.
    if (!file.equals(lastFile) || s.span().offset() < lastOffset) {
      catalog.beginMigration();
    }
    lastFile = file;
    lastOffset = s.span().offset();
    slipway.core.catalog.Tokens tokens = slipway.core.catalog.Tokens.of(s.text());
    slipway.core.lock.StatementFacts f = LockModel.classify(tokens, catalog, pgMajor);
    CatalogReplay.applyTokens(catalog, tokens);
    List<StatementFacts.Lock> locks = new ArrayList<>();
    for (LockedRelation l : f.locks()) {
      locks.add(new StatementFacts.Lock(l.relation(), l.mode().pgName()));
    }
    return new StatementFacts(f.kind(), f.transactional(), locks, f.rewrite(), f.scan(), f.blocksReads(),
        f.blocksWrites(), f.category());
  }
}
