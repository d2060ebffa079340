package slipway.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;

final class ParserAssertions {
  private ParserAssertions() {}

  /** Parses every statement of {@code sql} and compares the rendered trees with {@code expected}. */
  static void assertTree(String sql, String expected) {
    String actual = Parser.parse("t.sql", sql).stream().map(TreePrinter::render).collect(Collectors.joining());
    assertEquals(expected.stripTrailing(), actual.stripTrailing(), "tree of:\n" + sql);
  }
}
