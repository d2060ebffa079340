package slipway.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import slipway.core.source.MigrationLoader;
import slipway.core.source.Migration;

/**
 * Reads the migrations of `slipway lint PATH…` on a second thread while picocli builds the command on
 * the first (a tenth of a second of reflection that leaves the other core idle). The paths are guessed
 * from the raw arguments: every argument after {@code lint} that is not an option nor an option's value
 * (one right after an option counts as a path only if it exists). The guess is only used when it equals
 * the paths picocli then hands the command, and the result is what {@link MigrationLoader#load} returns or
 * throws for them; any other command line loads them as usual.
 */
final class LintPrefetch {
  /** The guessed paths, and the migrations read from them (or what reading them threw). */
  private record Guess(List<String> paths, List<Migration> migrations, RuntimeException failure) {}

  private final CompletableFuture<Guess> guess;

  private LintPrefetch(CompletableFuture<Guess> guess) {
    this.guess = guess;
  }

  /** Starts reading for a lint command line; null for any other. */
  static LintPrefetch start(String... args) {
    if (args.length < 2 || !args[0].equals("lint")) {
      return null;
    }
    String[] copy = args.clone();
    CompletableFuture<Guess> f = new CompletableFuture<>();
    Thread t = new Thread(() -> f.complete(read(copy)), "slipway-prefetch");
    t.setDaemon(true);
    t.start();
    return new LintPrefetch(f);
  }

  private static Guess read(String[] args) {
    List<String> paths = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("-")) {
        continue; // an option, or "-": standard input, which only the command itself may read
      }
      // Right after an option it may be the option's value (--format json): a path only if it exists.
      String before = args[i - 1];
      boolean mayBeValue = i > 1 && before.startsWith("-") && !before.contains("=") && !before.equals("--");
      if (!mayBeValue || Files.exists(Path.of(a))) {
        paths.add(a);
      }
    }
    if (paths.isEmpty()) {
      return new Guess(paths, null, null);
    }
    try {
      return new Guess(paths, MigrationLoader.load(paths), null);
    } catch (RuntimeException e) {
      return new Guess(paths, null, e);
    } catch (Throwable e) {
      return new Guess(List.of(), null, null); // e.g. out of memory: the command reads them itself
    }
  }

  /** The migrations of these paths: read ahead when the guess was right, else read now. */
  static List<Migration> load(LintPrefetch prefetch, List<String> paths) {
    if (prefetch != null && !paths.isEmpty()) {
      Guess g = prefetch.guess.join();
      if (g.paths().equals(paths)) {
        if (g.failure() != null) {
          throw g.failure();
        }
        if (g.migrations() != null) {
          return g.migrations();
        }
      }
    }
    return MigrationLoader.load(paths);
  }
}
