package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table [USING method] (keys) [INCLUDE (…)] [NULLS [NOT] DISTINCT] [WITH (…)] [TABLESPACE t] [WHERE predicate]. {@code name} is null when PostgreSQL picks it; {@code method} defaults to btree. {@code keyword} is where the INDEX key word is (CONCURRENTLY follows it), {@code nameSpan} and {@code tableSpan} where the names are written (nameSpan null with the name). */
public record CreateIndex(Span span, QualifiedName name, QualifiedName table, boolean unique, boolean concurrently, boolean ifNotExists, boolean only, String method, List<IndexElement> elements, List<String> include, boolean nullsNotDistinct, List<String> storageParameters, String tablespace, Expression where, Span keyword, Span nameSpan, Span tableSpan) implements Statement {
  public CreateIndex {
    elements = List.copyOf(elements);
    include = List.copyOf(include);
    storageParameters = List.copyOf(storageParameters);
  }

  @Override
  public String kind() {
    return "CREATE_INDEX";
  }

  public boolean partial() {
    return where != null;
  }

  @Override
  public QualifiedName objectName() {
    return table;
  }
}
