package slipway.engine.migrate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import slipway.core.BadInputException;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.CatalogReplay;
import slipway.core.lock.LockModel;
import slipway.core.lock.LockedRelation;
import slipway.core.lock.StatementFacts;
import slipway.core.sql.Diagnostic;
import slipway.core.sql.Script;
import slipway.core.sql.Splitter;
import slipway.core.sql.SqlStatement;

/**
 * How one migration will run: its statements in ordered groups. A transactional group is one
 * transaction whose history update commits with it; every statement that cannot run in a
 * transaction block is a group of its own, run in autocommit.
 */
public record Plan(Migration migration, List<Group> groups, int total, int category) {

  /**
   * One statement with the settings it runs under. {@code index} is 0-based within the migration;
   * {@code locks} are the relations it locks per the lock model (null when the server's major is
   * outside the model's range).
   */
  public record Step(int index, String sql, int line, int column, StatementTraits traits, Duration lockTimeout,
                     Duration statementTimeout, List<LockedRelation> locks) {
    public String where(Migration m) {
      return m.file() + ":" + line + ":" + column;
    }

    /** The statement on one line, at most 100 characters. */
    public String shortSql() {
      return BlockerWatch.shorten(sql).length() > 100 ? BlockerWatch.shorten(sql).substring(0, 97) + "..."
          : BlockerWatch.shorten(sql);
    }
  }

  /** Statements run together: in one transaction, or (one statement) in autocommit. */
  public record Group(boolean transactional, List<Step> steps) {
    public int first() {
      return steps.get(0).index();
    }

    /** The index after the last statement: statements done once this group committed. */
    public int end() {
      return steps.get(steps.size() - 1).index() + 1;
    }
  }

  /** The timeouts a run uses unless a migration's header overrides them. */
  record Timeouts(Duration lock, Duration statement, Duration concurrent) {}

  /**
   * Plans one migration. With a {@code catalog} (the schema replayed from the earlier migrations)
   * each statement's locks and category come from the lock model, and the catalog is advanced.
   */
  static Plan of(Migration m, int major, Timeouts defaults, Catalog catalog) {
    Duration lock = m.header().lockTimeout().orElse(defaults.lock());
    Duration statement = m.header().statementTimeout().orElse(defaults.statement());
    Duration concurrent = m.header().concurrentTimeout().orElse(defaults.concurrent());
    List<SqlStatement> statements;
    if (m.splitStatements()) {
      Script script = Splitter.script(m.file(), m.text());
      for (Diagnostic d : script.diagnostics()) {
        throw new BadInputException(m.file() + ":" + (m.firstLine() + d.span().line() - 1) + ":" + d.span().column(),
            d.message());
      }
      statements = script.statements();
    } else {
      statements = Splitter.split(m.file(), m.text());
      if (statements.size() > 1) {
        // Liquibase splitStatements:false: the whole changeset is one statement.
        SqlStatement first = statements.get(0);
        SqlStatement last = statements.get(statements.size() - 1);
        List<slipway.core.sql.Token> tokens = new ArrayList<>();
        statements.forEach(s -> tokens.addAll(s.tokens()));
        statements = List.of(new SqlStatement(first.span(), m.text().substring(first.span().offset(), last.span().end()),
            tokens, false, null, null, List.of()));
      }
    }
    List<Group> groups = new ArrayList<>();
    List<Step> open = new ArrayList<>();
    int category = 1;
    int index = 0;
    for (SqlStatement s : statements) {
      StatementTraits traits = StatementTraits.of(s, major);
      String where = m.file() + ":" + (m.firstLine() + s.span().line() - 1) + ":" + s.span().column();
      switch (traits.kind()) {
        case TRANSACTION_CONTROL:
          throw new BadInputException(where, "'" + s.firstWord().toUpperCase() + "' controls the transaction; remove it: "
              + "Slipway runs each migration in a transaction itself and runs statements that cannot be in one on their own");
        case PSQL_META:
          throw new BadInputException(where, "a psql meta-command is not SQL; remove it (Slipway sends SQL to the server, not psql)");
        default:
          break;
      }
      if (s.copyData() != null) {
        throw new BadInputException(where, "COPY … FROM stdin with inline rows is not supported by migrate; load the rows with INSERT");
      }
      List<LockedRelation> locks = null;
      int statementCategory = traits.category();
      if (catalog != null) {
        StatementFacts facts = LockModel.classify(s.text(), catalog, major);
        CatalogReplay.apply(catalog, s.text());
        locks = facts.locks();
        statementCategory = facts.category();
      }
      category = Math.max(category, statementCategory);
      Duration stepLock = traits.concurrentBudget() ? concurrent : lock;
      Duration stepStatement = traits.concurrentBudget() ? max(concurrent, statement) : statement;
      Step step = new Step(index++, s.text(), m.firstLine() + s.span().line() - 1, s.span().column(), traits,
          stepLock, stepStatement, locks);
      if (!m.transactional() || !traits.transactional()) {
        close(groups, open);
        groups.add(new Group(false, List.of(step)));
      } else {
        open.add(step);
        if (traits.endsTransaction()) {
          close(groups, open);
        }
      }
    }
    close(groups, open);
    return new Plan(m, List.copyOf(groups), index, category);
  }

  private static Duration max(Duration a, Duration b) {
    if (a.isZero() || b.isZero()) {
      return Duration.ZERO;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static void close(List<Group> groups, List<Step> open) {
    if (!open.isEmpty()) {
      groups.add(new Group(true, List.copyOf(open)));
      open.clear();
    }
  }

  public Step step(int index) {
    for (Group g : groups) {
      for (Step s : g.steps()) {
        if (s.index() == index) {
          return s;
        }
      }
    }
    throw new IndexOutOfBoundsException(index);
  }
}
