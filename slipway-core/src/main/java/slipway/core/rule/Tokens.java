package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;
import slipway.core.sql.Lexer;
import slipway.core.sql.TokenKind;

/**
 * The comments of a migration, as {@link Lexer} finds them (a {@code --} inside a string or a dollar
 * quote is not a comment): where suppressions ({@code -- slipway:ignore}) and test expectations are.
 */
public final class Tokens {
  /** A comment with its text and offset in the scanned text. */
  public record Comment(String text, int offset) {}

  private Tokens() {}

  public static List<Comment> comments(String sql) {
    List<Comment> comments = new ArrayList<>();
    for (slipway.core.sql.Token t : Lexer.tokenize(sql)) {
      if (t.kind() == TokenKind.LINE_COMMENT || t.kind() == TokenKind.BLOCK_COMMENT) {
        comments.add(new Comment(t.text(sql), t.start()));
      }
    }
    return comments;
  }
}
