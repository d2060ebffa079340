package slipway.engine.migrate;

/**
 * A run that stopped safely: a statement failed and rolled back, a checksum drifted, a pre-flight
 * check failed, or another runner held the lock too long. The command line exits with code 1.
 */
public class MigrationFailedException extends RuntimeException {
  public MigrationFailedException(String message) {
    super(message);
  }

  public MigrationFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
