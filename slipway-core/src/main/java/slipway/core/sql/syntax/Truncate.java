package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** TRUNCATE [TABLE] [ONLY] name [, …] [RESTART IDENTITY|CONTINUE IDENTITY] [CASCADE|RESTRICT]. */
public record Truncate(Span span, List<QualifiedName> tables, boolean only, boolean restartIdentity, boolean cascade) implements Statement {
  public Truncate {
    tables = List.copyOf(tables);
  }

  @Override
  public String kind() {
    return "TRUNCATE";
  }

  @Override
  public QualifiedName objectName() {
    return tables.isEmpty() ? null : tables.get(0);
  }
}
