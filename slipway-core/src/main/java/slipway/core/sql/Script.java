package slipway.core.sql;

import java.util.List;

/** A split file: its statements in order, and every lexical problem found (also in gaps between statements). */
public record Script(String file, String source, List<SqlStatement> statements, List<Diagnostic> diagnostics) {
  public Script {
    statements = List.copyOf(statements);
    diagnostics = List.copyOf(diagnostics);
  }
}
