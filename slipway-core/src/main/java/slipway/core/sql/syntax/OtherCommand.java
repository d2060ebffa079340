package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** Another PostgreSQL command recognised by its leading key words (CREATE POLICY, ALTER FUNCTION, CALL, CREATE DOMAIN, …), with the object name when one follows: not analysed further. {@code command} is the kind, e.g. CREATE_POLICY. */
public record OtherCommand(Span span, String command, QualifiedName object) implements Statement {
  @Override
  public String kind() {
    return command;
  }

  @Override
  public QualifiedName objectName() {
    return object;
  }
}
