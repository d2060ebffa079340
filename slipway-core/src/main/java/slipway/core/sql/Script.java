package slipway.core.sql;

import java.util.List;

/**
 * A split file: its statements in order, every lexical problem found (also in gaps between
 * statements), and the separators: the whitespace, comments and terminating semicolons that belong
 * to no statement. Statement spans, COPY data spans and separators tile the source exactly.
 */
public record Script(String file, String source, List<SqlStatement> statements, List<Diagnostic> diagnostics,
    List<Token> separators) {
  public Script {
    statements = List.copyOf(statements);
    diagnostics = List.copyOf(diagnostics);
    separators = List.copyOf(separators);
  }
}
