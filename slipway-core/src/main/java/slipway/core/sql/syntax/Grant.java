package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** GRANT/REVOKE privileges ON [object-type] objects TO/FROM roles, or role membership (objectType ROLE). */
public record Grant(Span span, boolean revoke, List<String> privileges, String objectType, List<QualifiedName> objects, List<String> grantees) implements Statement {
  public Grant {
    privileges = List.copyOf(privileges);
    objects = List.copyOf(objects);
    grantees = List.copyOf(grantees);
  }

  @Override
  public String kind() {
    return revoke ? "REVOKE" : "GRANT";
  }
}
