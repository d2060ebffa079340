package slipway.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The one splitter: cuts a script into statements where psql would send them to the server.
 *
 * <p>A {@code ;} ends a statement unless it is inside parentheses or inside the {@code BEGIN ATOMIC
 * … END} body of {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} (psql's psqlscan.l heuristic: after
 * that start, BEGIN and CASE open a block and END closes one). A psql meta-command line is a
 * statement of its own, and the rows after {@code COPY … FROM stdin;} belong to the COPY statement.
 * Whitespace and comments between statements belong to no statement.
 */
public final class Splitter {
  private Splitter() {}

  public static List<SqlStatement> split(String file, String source) {
    return script(file, source).statements();
  }

  /** The statements and every lexical problem of the file. */
  public static Script script(String file, String source) {
    return new Run(file, source, new LineIndex(file, source), 0).run();
  }

  /**
   * Splits text embedded in a file (a DO block's body) that starts at {@code offset}, line {@code
   * line}, column {@code column} of the file: spans and token offsets are the file's.
   */
  static Script embedded(String file, String text, int offset, int line, int column) {
    return new Run(file, text, new LineIndex(file, text, offset, line, column), offset).run();
  }

  private static final class Run {
    final String file;
    final String src;
    final LineIndex lines;
    final int base;
    final Lexer lexer;
    final List<SqlStatement> out = new ArrayList<>();
    final List<Diagnostic> all = new ArrayList<>(0);
    final List<Token> separators = new ArrayList<>();
    final List<Token> pendingTrivia = new ArrayList<>(4);

    List<Token> tokens = new ArrayList<>();
    List<Diagnostic> local = new ArrayList<>(0);
    int parenDepth;
    int beginDepth;
    int identifierCount;
    final char[] identifiers = new char[4];
    boolean copyPending;

    Run(String file, String source, LineIndex lines, int base) {
      this.file = file;
      this.src = source;
      this.lines = lines;
      this.base = base;
      this.lexer = new Lexer(source);
    }

    Script run() {
      int seenErrors = 0;
      for (Token t = lexer.next(); t != null; t = lexer.next()) {
        if (lexer.errors().size() > seenErrors) {
          for (Lexer.Error e : lexer.errors().subList(seenErrors, lexer.errors().size())) {
            Diagnostic d = new Diagnostic(lines.span(e.offset(), 0), e.message());
            all.add(d);
            if (!t.kind().isTrivia()) local.add(d);
          }
          seenErrors = lexer.errors().size();
        }
        TokenKind kind = t.kind();
        if (kind.isTrivia()) {
          if (tokens.isEmpty()) separators.add(shift(t)); else pendingTrivia.add(t);
          continue;
        }
        if (kind == TokenKind.META_COMMAND) {
          flush(false);
          tokens.add(t);
          out.add(new SqlStatement(lines.span(t.start(), t.length()), t.text(src), tokens, true, null, null, local));
          reset();
          continue;
        }
        if (kind == TokenKind.COPY_DATA) {
          flush(false);
          int last = out.size() - 1;
          if (last >= 0) {
            out.set(last, out.get(last).withCopyData(lines.span(t.start(), t.length()), t.value()));
          }
          continue;
        }
        if (kind == TokenKind.PUNCT) {
          String v = t.value();
          if (v.equals(";")) {
            if (parenDepth == 0 && beginDepth == 0) {
              flush(true);
              separators.add(shift(t));
              continue;
            }
          } else if (v.equals("(")) {
            parenDepth++;
          } else if (v.equals(")")) {
            if (parenDepth > 0) parenDepth--;
          }
        } else if (kind == TokenKind.IDENT) {
          trackBlocks(t.value());
        }
        pendingTrivia.clear(); // whitespace and comments before this token are inside the statement
        tokens.add(t);
      }
      flush(false);
      return new Script(file, src, out, all, separators);
    }

    /** psqlscan.l: inside CREATE [OR REPLACE] FUNCTION|PROCEDURE, BEGIN … END bodies hold semicolons. */
    private void trackBlocks(String word) {
      if (identifierCount == 0) java.util.Arrays.fill(identifiers, '\0');
      if (identifierCount < identifiers.length
          && (word.equals("create") || word.equals("function") || word.equals("procedure")
              || word.equals("or") || word.equals("replace"))) {
        identifiers[identifierCount] = word.charAt(0);
      }
      identifierCount++;
      if (identifiers[0] == 'c'
          && (identifiers[1] == 'f' || identifiers[1] == 'p'
              || (identifiers[1] == 'o' && identifiers[2] == 'r' && (identifiers[3] == 'f' || identifiers[3] == 'p')))
          && parenDepth == 0) {
        if (word.equals("begin")) {
          beginDepth++;
        } else if (word.equals("case")) {
          if (beginDepth >= 1) beginDepth++;
        } else if (word.equals("end")) {
          if (beginDepth > 0) beginDepth--;
        }
      }
    }

    private Token shift(Token t) {
      return base == 0 ? t : new Token(t.kind(), t.start() + base, t.end() + base, t.value());
    }

    private void flush(boolean terminated) {
      for (Token t : pendingTrivia) separators.add(shift(t));
      pendingTrivia.clear();
      if (!tokens.isEmpty()) {
        int start = tokens.get(0).start();
        int end = tokens.get(tokens.size() - 1).end();
        if (base != 0) tokens.replaceAll(t -> new Token(t.kind(), t.start() + base, t.end() + base, t.value()));
        SqlStatement s = new SqlStatement(lines.span(start, end - start), src.substring(start, end), tokens, false, null, null, local);
        out.add(s);
        if (terminated && isCopyFromStdin(tokens)) lexer.expectCopyData();
      }
      reset();
    }

    private void reset() {
      tokens = new ArrayList<>();
      local = new ArrayList<>(0);
      parenDepth = 0;
      beginDepth = 0;
      identifierCount = 0;
    }

    private static boolean isCopyFromStdin(List<Token> tokens) {
      if (!tokens.get(0).is("copy")) return false;
      for (int i = 1; i + 1 < tokens.size(); i++) {
        if (tokens.get(i).is("from") && (tokens.get(i + 1).is("stdin") || tokens.get(i + 1).is("pstdin"))) return true;
      }
      return false;
    }
  }
}
