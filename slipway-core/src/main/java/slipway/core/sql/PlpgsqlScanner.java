package slipway.core.sql;

import java.util.ArrayList;
import java.util.List;
import slipway.core.sql.syntax.Statement;
import slipway.core.sql.syntax.Unrecognized;

/**
 * Finds the SQL statements written directly in a PL/pgSQL body (a DO block): the body is split at its
 * semicolons, control words (BEGIN, DECLARE sections, IF … THEN, ELSE, LOOP, EXCEPTION WHEN … THEN,
 * END IF) are stripped from the front of each piece, and what starts with a SQL command is parsed
 * (COMMIT and ROLLBACK too: a procedure or DO block may end its transaction from PL/pgSQL 11 on).
 * Dynamic SQL (EXECUTE 'text') is not followed: its text is only known when the block runs.
 */
final class PlpgsqlScanner {
  private PlpgsqlScanner() {}

  static final java.util.Set<String> COMMANDS = java.util.Set.of("alter", "create", "drop", "insert", "update",
      "delete", "truncate", "comment", "grant", "revoke", "lock", "reindex", "refresh", "cluster", "analyze",
      "merge", "set", "reset", "commit", "rollback");

  /** What a body holds: its SQL statements, and whether it loops (LOOP, WHILE … LOOP, FOR … LOOP). */
  record Body(List<Statement> statements, boolean loops) {}

  static Body read(Parser.Cursor c, Token body) {
    int bodyOffset;
    if (body.kind() == TokenKind.DOLLAR_STRING) {
      bodyOffset = body.end() - body.value().length() - (body.end() - body.start() - body.value().length()) / 2;
    } else if (body.length() == body.value().length() + 2) {
      bodyOffset = body.start() + 1;
    } else {
      return new Body(List.of(), false); // a quoted body with '' escapes: offsets would not match the file
    }
    Span at = c.spanAt(bodyOffset, 0);
    Script script = Splitter.embedded(at.file(), body.value(), bodyOffset, at.line(), at.column());
    List<Statement> out = new ArrayList<>();
    boolean declaring = false;
    boolean loops = false;
    for (SqlStatement piece : script.statements()) {
      List<Token> tokens = piece.tokens();
      int k = 0;
      while (k < tokens.size()) {
        Token t = tokens.get(k);
        if (declaring) {
          int begin = indexOfWord(tokens, k, "begin");
          if (begin < 0) {
            k = tokens.size();
            break;
          }
          declaring = false;
          k = begin + 1;
        } else if (t.is("declare")) {
          declaring = true;
          k++;
        } else if (t.isSymbol("<<")) {
          k = Math.min(tokens.size(), k + 3); // <<label>>
        } else if (t.is("begin") || t.is("else") || t.is("loop")) {
          loops |= t.is("loop");
          k++;
        } else if (t.is("if") || t.is("elsif") || t.is("elseif") || t.is("when")) {
          int then = indexOfWord(tokens, k, "then");
          k = then < 0 ? tokens.size() : then + 1;
        } else if (t.is("exception")) {
          k++;
        } else if (t.is("for") || t.is("while") || t.is("foreach")) {
          int loop = indexOfWord(tokens, k, "loop");
          loops |= loop >= 0;
          k = loop < 0 ? tokens.size() : loop + 1;
        } else if (t.is("end")) {
          k = tokens.size();
        } else {
          break;
        }
      }
      if (k >= tokens.size() || !COMMANDS.contains(String.valueOf(tokens.get(k).value()))
          || tokens.get(k).kind() != TokenKind.IDENT) {
        continue;
      }
      int start = tokens.get(k).start();
      int end = piece.span().end();
      String text = piece.text().substring(start - piece.span().offset());
      Span span = c.spanAt(start, end - start);
      SqlStatement inner = new SqlStatement(span, text, tokens.subList(k, tokens.size()), false, null, null, List.of());
      Statement parsed = Parser.parse(inner);
      if (!(parsed instanceof Unrecognized)) out.add(parsed);
    }
    return new Body(out, loops);
  }

  private static int indexOfWord(List<Token> tokens, int from, String word) {
    for (int k = from; k < tokens.size(); k++) if (tokens.get(k).is(word)) return k;
    return -1;
  }
}
