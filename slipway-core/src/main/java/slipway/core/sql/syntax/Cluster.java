package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** CLUSTER [VERBOSE] [table [USING index]]. */
public record Cluster(Span span, QualifiedName table, String index) implements Statement {
  @Override
  public String kind() {
    return "CLUSTER";
  }

  @Override
  public QualifiedName objectName() {
    return table;
  }
}
