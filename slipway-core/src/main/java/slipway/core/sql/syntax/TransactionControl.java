package slipway.core.sql.syntax;

import java.util.List;
import slipway.core.sql.Span;

/** BEGIN / START TRANSACTION / COMMIT / END / ROLLBACK / ABORT / SAVEPOINT / RELEASE / ROLLBACK TO / PREPARE TRANSACTION / COMMIT PREPARED / ROLLBACK PREPARED. {@code action} is the kind: BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE_SAVEPOINT, ROLLBACK_TO_SAVEPOINT, PREPARE_TRANSACTION, COMMIT_PREPARED or ROLLBACK_PREPARED; {@code name} the savepoint or transaction id. */
public record TransactionControl(Span span, String action, String name, List<String> modes) implements Statement {
  public TransactionControl {
    modes = List.copyOf(modes);
  }

  @Override
  public String kind() {
    return action;
  }
}
