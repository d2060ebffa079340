package slipway.engine.migrate;

/** A finding of validate: an error stops migrate (exit 1), a warning is reported. */
public record Problem(boolean error, String where, String message) {
  @Override
  public String toString() {
    return (error ? "error: " : "warning: ") + where + ": " + message;
  }
}
