package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name {BEFORE|AFTER|INSTEAD OF} events ON table … [FOR EACH ROW] EXECUTE {FUNCTION|PROCEDURE} f(…). */
public record CreateTrigger(Span span, String trigger, QualifiedName table, boolean orReplace, boolean constraint, String timing, List<String> events, boolean forEachRow, QualifiedName function) implements Statement {
  public CreateTrigger {
    events = List.copyOf(events);
  }

  @Override
  public String kind() {
    return "CREATE_TRIGGER";
  }

  @Override
  public QualifiedName objectName() {
    return table;
  }
}
