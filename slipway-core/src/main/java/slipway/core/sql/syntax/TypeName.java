package slipway.core.sql.syntax;

import java.util.List;

/**
 * A data type as written in a column definition or a cast.
 *
 * @param name PostgreSQL's own name for built-in types ({@code int4} and {@code int} become
 *     {@code integer}, {@code varchar} becomes {@code character varying}, {@code timestamptz} becomes
 *     {@code timestamp with time zone}); other types keep their (folded) name, with schema if written
 * @param modifiers the type modifiers ({@code varchar(20)} has {@code ["20"]}, {@code numeric(10,2)} has {@code ["10", "2"]})
 * @param arrayDimensions how many {@code []} (or {@code ARRAY}) follow
 */
public record TypeName(String name, List<String> modifiers, int arrayDimensions) {
  public TypeName {
    modifiers = List.copyOf(modifiers);
  }

  public boolean isArray() {
    return arrayDimensions > 0;
  }

  /** {@code character varying(20)[]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name);
    if (!modifiers.isEmpty()) sb.append('(').append(String.join(",", modifiers)).append(')');
    for (int i = 0; i < arrayDimensions; i++) sb.append("[]");
    return sb.toString();
  }
}
