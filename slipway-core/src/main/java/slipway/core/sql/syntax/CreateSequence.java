package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** CREATE [TEMP|UNLOGGED] SEQUENCE [IF NOT EXISTS] name [options]; each option as written. */
public record CreateSequence(Span span, QualifiedName sequence, boolean ifNotExists, boolean temporary, List<String> options) implements Statement {
  public CreateSequence {
    options = List.copyOf(options);
  }

  @Override
  public String kind() {
    return "CREATE_SEQUENCE";
  }

  @Override
  public QualifiedName objectName() {
    return sequence;
  }
}
