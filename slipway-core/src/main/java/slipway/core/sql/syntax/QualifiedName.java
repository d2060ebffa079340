package slipway.core.sql.syntax;

/**
 * A name as PostgreSQL resolves it: unquoted parts folded to lower case, quoted parts kept as written,
 * placeholders ({@code ${schema}}, {@code {{ .Schema }}}) kept as written. {@code schema} is null
 * when none was written.
 */
public record QualifiedName(String schema, String name) {
  public static QualifiedName of(String name) {
    return new QualifiedName(null, name);
  }

  /** {@code schema.name}, or {@code name} when no schema was written. */
  @Override
  public String toString() {
    return schema == null ? name : schema + "." + name;
  }
}
