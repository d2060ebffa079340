package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** CREATE TYPE name AS ENUM (…) | AS (attributes) | AS RANGE (…) | (base type options) | name (a shell type). {@code form} is ENUM, COMPOSITE, RANGE, BASE or SHELL. */
public record CreateType(Span span, QualifiedName type, String form, List<String> enumValues) implements Statement {
  public CreateType {
    enumValues = List.copyOf(enumValues);
  }

  @Override
  public String kind() {
    return "CREATE_TYPE";
  }

  @Override
  public QualifiedName objectName() {
    return type;
  }
}
