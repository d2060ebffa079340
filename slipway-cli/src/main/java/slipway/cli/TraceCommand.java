package slipway.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import slipway.core.BadInputException;
import slipway.core.source.Migration;
import slipway.core.source.MigrationLoader;
import slipway.engine.postgres.EmbeddedServer;
import slipway.engine.postgres.JdbcUrl;
import slipway.engine.trace.TraceResult;
import slipway.engine.trace.Tracer;

@Command(name = "trace", mixinStandardHelpOptions = true,
    description = {"Run migrations on a real PostgreSQL and show, per statement, every relation it locked and "
        + "in which mode (pg_locks), whether it rewrote a table (relfilenode changed), and how long it took.",
        "Without --url: an embedded PostgreSQL, with the earlier migrations of the same folder applied first. "
        + "With --url: everything runs in one transaction that is rolled back, unless --commit."},
    footer = {"%nExample: slipway trace examples/V4__index_orders_customer.sql",
        "     or: slipway trace db/migration --url postgres://app@db/app --format json",
        "Exit codes: 0 traced; 2 bad input, a failing statement (nothing committed",
        "without --commit) or an unreachable database. See docs/trace.md."})
final class TraceCommand implements Callable<Integer> {
  enum Format { text, json }

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Migration files or folders (Flyway V<version>__*.sql and others).")
  List<String> paths;

  @Mixin ConnectionOptions connection;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "text (a table per migration) or json. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--commit",
      description = "With --url: commit each statement after tracing it (apply the migrations for real).")
  boolean commit;

  @Option(names = "--lock-timeout", defaultValue = "5s", paramLabel = "DURATION",
      description = "With --url: give up on a statement that waits this long for a lock (500ms, 5s, 1min). Default: ${DEFAULT-VALUE}.")
  String lockTimeout;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<Migration> migrations = MigrationLoader.load(paths);
    Duration timeout = duration(lockTimeout);
    var target = connection.target();
    if (target.isPresent()) {
      JdbcUrl url = target.get();
      try (Tracer tracer = Tracer.open(url).lockTimeout(timeout)) {
        if (commit) {
          tracer.committing();
        }
        run(tracer, migrations, url.redacted(), List.of());
      }
    } else {
      try (EmbeddedServer server = EmbeddedServer.start();
           Tracer tracer = Tracer.open(() -> server.connect("postgres")).committing()) {
        List<Migration> earlier = earlierMigrations(migrations);
        for (Migration m : earlier) {
          tracer.apply(m);
        }
        run(tracer, migrations, "embedded", earlier);
      }
    }
    return 0;
  }

  private void run(Tracer tracer, List<Migration> migrations, String target, List<Migration> earlier) {
    PrintWriter out = spec.commandLine().getOut();
    boolean text = format == Format.text;
    if (text) {
      out.println("PostgreSQL " + tracer.serverVersion() + ", " + describe(target, tracer.isCommitting()));
      if (!earlier.isEmpty()) {
        List<String> names = new ArrayList<>();
        earlier.forEach(m -> names.add(Path.of(m.file()).getFileName().toString()));
        out.println("Applied first: " + String.join(", ", names));
      }
      out.println();
      out.flush();
    }
    List<TraceResult> results = new ArrayList<>();
    for (Migration m : migrations) {
      TraceResult result = tracer.trace(m);
      results.add(result);
      if (text) {
        TraceReport.text(m, result, out);
      }
    }
    if (!text) {
      out.println(TraceReport.toJson(TraceReport.json(Main.version(), tracer.serverMajor(), tracer.serverVersion(),
          target, tracer.isCommitting(), migrations, results)));
      out.flush();
    }
  }

  private static String describe(String target, boolean committing) {
    if (target.equals("embedded")) {
      return "embedded (a scratch server: each statement runs in a transaction of its own and is committed)";
    }
    return target + (committing ? " (each statement committed: --commit)"
        : " (one transaction, rolled back at the end; --commit to apply)");
  }

  /**
   * The migrations of the traced files' folders that come before them (in the loader's version
   * order) and are not traced themselves: what an embedded server needs applied first.
   */
  static List<Migration> earlierMigrations(List<Migration> traced) {
    Set<String> tracedFiles = new HashSet<>();
    Set<Path> folders = new LinkedHashSet<>();
    for (Migration m : traced) {
      Path file = Path.of(m.file()).toAbsolutePath().normalize();
      tracedFiles.add(file.toString());
      if (file.getParent() != null) {
        folders.add(file.getParent());
      }
    }
    List<Migration> earlier = new ArrayList<>();
    for (Path folder : folders) {
      List<Migration> all;
      try {
        all = MigrationLoader.load(List.of(folder.toString()));
      } catch (BadInputException e) {
        continue; // a folder without other migrations: nothing to apply first
      }
      for (Migration m : all) {
        if (tracedFiles.contains(Path.of(m.file()).toAbsolutePath().normalize().toString())) {
          break;
        }
        earlier.add(m);
      }
    }
    return earlier;
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min)?");

  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new BadInputException("--lock-timeout", "'" + text + "' is not a duration; write 500ms, 5s or 1min");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "s" -> Duration.ofSeconds(n);
      case "min" -> Duration.ofMinutes(n);
      default -> Duration.ofMillis(n);
    };
  }
}
