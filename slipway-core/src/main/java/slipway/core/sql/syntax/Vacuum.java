package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** VACUUM [(options)] [FULL] [FREEZE] [VERBOSE] [ANALYZE] [tables], or ANALYZE [tables] ({@code analyzeOnly}). */
public record Vacuum(Span span, boolean analyzeOnly, boolean full, List<String> options, List<QualifiedName> tables) implements Statement {
  public Vacuum {
    options = List.copyOf(options);
    tables = List.copyOf(tables);
  }

  @Override
  public String kind() {
    return analyzeOnly ? "ANALYZE" : "VACUUM";
  }

  @Override
  public QualifiedName objectName() {
    return tables.isEmpty() ? null : tables.get(0);
  }
}
