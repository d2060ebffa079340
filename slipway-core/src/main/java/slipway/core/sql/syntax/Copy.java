package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** COPY table [(columns)] FROM|TO {STDIN|STDOUT|'file'|PROGRAM 'cmd'} [options], or COPY (query) TO …; {@code table} null for a query. */
public record Copy(Span span, QualifiedName table, List<String> columns, boolean from, String endpoint) implements Statement {
  public Copy {
    columns = List.copyOf(columns);
  }

  @Override
  public String kind() {
    return "COPY";
  }

  @Override
  public QualifiedName objectName() {
    return table;
  }
}
