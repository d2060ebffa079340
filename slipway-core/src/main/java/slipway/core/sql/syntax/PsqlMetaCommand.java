package slipway.core.sql.syntax;

import slipway.core.sql.Span;

/** A psql meta-command line ({@code \\set}, {@code \\connect}, {@code \\gset}): not SQL, the server never sees it. */
public record PsqlMetaCommand(Span span, String command) implements Statement {
  @Override
  public String kind() {
    return "PSQL_META";
  }
}
