package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** ALTER SEQUENCE [IF EXISTS] name options (AS type, INCREMENT, RESTART, OWNED BY, …, or RENAME TO / SET SCHEMA / OWNER TO / SET LOGGED); each as written. */
public record AlterSequence(Span span, QualifiedName sequence, boolean ifExists, List<String> options) implements Statement {
  public AlterSequence {
    options = List.copyOf(options);
  }

  @Override
  public String kind() {
    return "ALTER_SEQUENCE";
  }

  @Override
  public QualifiedName objectName() {
    return sequence;
  }
}
