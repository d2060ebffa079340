package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** DROP {TABLE|INDEX|VIEW|…} [CONCURRENTLY] [IF EXISTS] name [, …] [CASCADE|RESTRICT]. {@code on} is the table of DROP TRIGGER/RULE/POLICY … ON table, else null; {@code behavior} is CASCADE, RESTRICT or null. {@code objectTypeSpan} is where the object type's key words are (CONCURRENTLY follows them), {@code nameSpans} where each of {@code names} is written. */
public record Drop(Span span, String objectType, List<QualifiedName> names, boolean ifExists, boolean concurrently, String behavior, QualifiedName on, Span objectTypeSpan, List<Span> nameSpans) implements Statement {
  public Drop {
    names = List.copyOf(names);
    nameSpans = List.copyOf(nameSpans);
  }

  @Override
  public String kind() {
    return "DROP_" + objectType.replace(' ', '_');
  }

  @Override
  public QualifiedName objectName() {
    return names.isEmpty() ? null : names.get(0);
  }
}
