package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' [BEFORE|AFTER 'w'] | RENAME VALUE 'a' TO 'b' | RENAME TO n | OWNER TO r | SET SCHEMA s | ADD/DROP/ALTER ATTRIBUTE … | SET (…). {@code action} is ADD_VALUE, RENAME_VALUE, RENAME, OWNER, SET_SCHEMA, ATTRIBUTES or SET; {@code value} the new or old label, {@code newValue} the renamed label, {@code neighbour} the BEFORE/AFTER label. */
public record AlterType(Span span, QualifiedName type, String action, String value, String newValue, boolean ifNotExists, boolean before, String neighbour) implements Statement {
  @Override
  public String kind() {
    return "ALTER_TYPE";
  }

  @Override
  public QualifiedName objectName() {
    return type;
  }
}
