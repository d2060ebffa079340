package slipway.core.rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every rule, listed once. A test fails if one lacks a doc page or a test. */
public final class Rules {
  private static final List<Rule> ALL = List.of(
      new CreateIndexBlocksWrites(),
      new ConcurrentlyInTransaction(),
      new InvalidSuppression());

  private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();

  static {
    for (Rule r : ALL) BY_ID.put(r.info().id(), r);
  }

  private Rules() {}

  public static List<Rule> all() {
    return ALL;
  }

  public static Rule byId(String id) {
    return BY_ID.get(id);
  }
}
