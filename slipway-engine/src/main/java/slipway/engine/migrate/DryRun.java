package slipway.engine.migrate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What migrate would do: each pending migration's plan and where it would start. */
public record DryRun(String history, List<Item> items, List<Problem> problems) {

  /** A migration to run; {@code resumeFrom} is the 0-based statement a resumed run starts at. */
  public record Item(Plan plan, int resumeFrom) {}

  /** The plan as text: migrations, transaction groups, statements, timeouts. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    for (Problem p : problems) {
      out.add(p.toString());
    }
    if (items.isEmpty()) {
      out.add("nothing to apply (" + history + " is up to date)");
    }
    for (Item item : items) {
      Plan plan = item.plan();
      Migration m = plan.migration();
      out.add(m.label() + "  (" + m.file() + ", " + plan.total() + " statement(s), category " + plan.category()
          + (item.resumeFrom() > 0 ? ", resumes at statement " + (item.resumeFrom() + 1) : "") + ")");
      int n = 1;
      for (Plan.Group g : plan.groups()) {
        Plan.Step first = g.steps().get(0);
        String kind = g.transactional() ? "transaction" : "autocommit (" + reason(first.traits()) + ")";
        boolean skipped = g.end() <= item.resumeFrom();
        out.add("  group " + n++ + ": " + kind + (skipped ? " — already committed" : ""));
        for (Plan.Step step : g.steps()) {
          out.add("    " + (step.index() + 1) + ". " + m.file() + ":" + step.line() + "  " + step.shortSql()
              + "  [lock_timeout " + show(step.lockTimeout()) + ", statement_timeout " + show(step.statementTimeout())
              + (step.traits().concurrentBudget() ? ", concurrent budget" : "") + "]");
          if (step.locks() != null) {
            out.add("       locks: " + (step.locks().isEmpty() ? "none on existing relations"
                : String.join(", ", step.locks().stream().map(l -> l.relation() + " " + l.mode().pgName()).toList())));
          }
        }
      }
    }
    return out;
  }

  private static String show(Duration d) {
    return d.isZero() ? "off" : Durations.human(d);
  }

  private static String reason(StatementTraits t) {
    switch (t.kind()) {
      case CREATE_INDEX_CONCURRENTLY: return "CREATE INDEX CONCURRENTLY cannot run in a transaction block";
      case DROP_INDEX_CONCURRENTLY: return "DROP INDEX CONCURRENTLY cannot run in a transaction block";
      case REINDEX: return "this REINDEX cannot run in a transaction block";
      case DETACH_PARTITION_CONCURRENTLY: return "DETACH PARTITION CONCURRENTLY cannot run in a transaction block";
      case VACUUM: return "VACUUM cannot run in a transaction block";
      case ADD_ENUM_VALUE: return "ALTER TYPE … ADD VALUE cannot run in a transaction block before PostgreSQL 12";
      case NOT_IN_TRANSACTION: return "cannot run in a transaction block";
      default: return "the migration's source runs it outside a transaction";
    }
  }
}
