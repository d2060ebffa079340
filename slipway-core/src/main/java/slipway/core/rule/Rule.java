package slipway.core.rule;

import java.util.List;

/**
 * A check on one statement in its migration. Rules are stateless; what they know about the schema
 * (a table created in this migration, a column's old type, sizes) comes from the {@link Context}.
 */
public interface Rule {
  RuleInfo info();

  List<Finding> check(Context context);
}
