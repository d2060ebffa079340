package slipway.core;

/**
 * Input Slipway cannot use: a missing file, malformed SQL, an unknown option value, an unreachable
 * database. The message is one line: where (file:line:col or the object), what happened, what to
 * do. The command line prints it as is and exits with code 2.
 */
public class BadInputException extends RuntimeException {
  private final String where;

  public BadInputException(String where, String message) {
    this(where, message, null);
  }

  public BadInputException(String where, String message, Throwable cause) {
    super(where == null || where.isEmpty() ? message : where + ": " + message, cause);
    this.where = where;
  }

  /** file:line:col, the object, or empty. */
  public String where() {
    return where;
  }
}
