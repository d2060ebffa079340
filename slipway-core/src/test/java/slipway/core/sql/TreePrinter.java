package slipway.core.sql;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import slipway.core.sql.syntax.QualifiedName;

/**
 * Renders a syntax tree for tests, one node per line: simple fields as {@code name=value}, true flags
 * by name, nested nodes indented; spans, nulls, false flags and empty lists are left out.
 */
final class TreePrinter {
  private TreePrinter() {}

  static String render(Object node) {
    StringBuilder sb = new StringBuilder();
    render(node, 0, sb);
    return sb.toString();
  }

  private static void render(Object node, int indent, StringBuilder sb) {
    sb.append(node.getClass().getSimpleName());
    List<Object[]> nested = new ArrayList<>();
    for (RecordComponent rc : node.getClass().getRecordComponents()) {
      if (rc.getName().equals("span")) continue;
      Object value;
      try {
        value = rc.getAccessor().invoke(node);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (value == null || Boolean.FALSE.equals(value) || Integer.valueOf(0).equals(value)) continue;
      // Positions (a node's span, where its names or key words are) are checked by ParserPositionsTest.
      if (value instanceof Span || value instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Span) continue;
      if (value instanceof Collection<?> && ((Collection<?>) value).isEmpty()) continue;
      if (Boolean.TRUE.equals(value)) {
        sb.append(' ').append(rc.getName());
      } else if (value instanceof Record && !(value instanceof QualifiedName)
          || value instanceof List<?> && ((List<?>) value).get(0) instanceof Record
              && !(((List<?>) value).get(0) instanceof QualifiedName)) {
        nested.add(new Object[] {rc.getName(), value});
      } else if (value instanceof List<?>) {
        sb.append(' ').append(rc.getName()).append("=[")
            .append(((List<?>) value).stream().map(String::valueOf).collect(Collectors.joining(", "))).append(']');
      } else {
        sb.append(' ').append(rc.getName()).append('=').append(value);
      }
    }
    sb.append('\n');
    String pad = "  ".repeat(indent + 1);
    for (Object[] n : nested) {
      if (n[1] instanceof Record) {
        sb.append(pad).append(n[0]).append(": ");
        render(n[1], indent + 1, sb);
      } else {
        sb.append(pad).append(n[0]).append(":\n");
        for (Object element : (List<?>) n[1]) {
          sb.append(pad).append("- ");
          render(element, indent + 2, sb);
        }
      }
    }
  }
}
