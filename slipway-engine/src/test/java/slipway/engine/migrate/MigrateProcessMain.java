package slipway.engine.migrate;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code migrate} in a JVM of its own, for tests that kill the runner or start two at once.
 * Arguments: JDBC URL, migrations folder. Prints event lines (JSON); exits 0, or 1 on failure.
 */
public final class MigrateProcessMain {
  private MigrateProcessMain() {}

  public static void main(String[] args) {
    try {
      MigrateResult r = Migrator.configure().url(args[0]).locations(Path.of(args[1]))
          .lockWait(Duration.ofSeconds(120))
          .listener(e -> {
            System.out.println(e.toJson());
            System.out.flush();
          })
          .build().migrate();
      System.out.println("APPLIED " + r.migrations().size());
      System.exit(0);
    } catch (MigrationFailedException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  /** Starts it with this JVM's test class path. */
  static Process start(String url, Path dir, Path log) throws java.io.IOException {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", cp, MigrateProcessMain.class.getName(), url, dir.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
