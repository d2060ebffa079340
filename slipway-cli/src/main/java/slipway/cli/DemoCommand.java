package slipway.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import slipway.core.BadInputException;
import slipway.core.lock.LockMode;
import slipway.core.source.Migration;
import slipway.core.source.MigrationLoader;
import slipway.engine.postgres.EmbeddedServer;
import slipway.engine.trace.RelationLock;
import slipway.engine.trace.StatementTrace;
import slipway.engine.trace.TraceResult;
import slipway.engine.trace.Tracer;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start an embedded PostgreSQL, create customers and orders, apply the example migrations "
        + "in examples/ and show what each statement locked, rewrote and for how long. Needs only a JDK.",
    footer = {"%nExample: slipway demo",
        "Exit codes: 0 done, 2 examples not found or an example failed"})
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--examples", paramLabel = "DIR",
      description = "Migrations to apply. Default: ./examples, else the examples/ of the Slipway checkout.")
  Path examples;

  @Option(names = "--rows", defaultValue = "200000", paramLabel = "N",
      description = "Orders to create after the first migration (more rows: longer locks). Default: ${DEFAULT-VALUE}.")
  int rows;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (rows < 0) {
      throw new BadInputException("--rows", "must be 0 or more");
    }
    Path dir = examplesFolder();
    List<Migration> migrations = MigrationLoader.load(List.of(dir.toString()));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    err.println("Starting an embedded PostgreSQL (the first run unpacks its binaries)…");
    err.flush();
    try (EmbeddedServer server = EmbeddedServer.start();
         Tracer tracer = Tracer.open(() -> server.connect("postgres")).committing()) {
      out.println("PostgreSQL " + tracer.serverVersion() + ", embedded. Applying " + migrations.size()
          + " example migrations from " + dir + "; each statement runs in a transaction of its own.");
      out.println();
      List<TraceResult> results = new ArrayList<>();
      for (int i = 0; i < migrations.size(); i++) {
        TraceResult result = tracer.trace(migrations.get(i));
        results.add(result);
        TraceReport.text(migrations.get(i), result, out);
        if (i == 0 && rows > 0) {
          seed(tracer, out);
        }
      }
      summary(results, out);
    }
    return 0;
  }

  /** Realistic data for the examples' tables, when the first migration created them. */
  private void seed(Tracer tracer, PrintWriter out) {
    long start = System.nanoTime();
    int customers = Math.max(1, rows / 20);
    tracer.apply("demo data", """
        DO $$ BEGIN
          IF to_regclass('customers') IS NOT NULL AND to_regclass('orders') IS NOT NULL THEN
            INSERT INTO customers (email, created_at)
              SELECT 'customer' || g || '@example.com', now() - g * interval '1 hour'
              FROM generate_series(1, %d) g;
            INSERT INTO orders (customer_id, total_cents, status, created_at)
              SELECT 1 + g %% %d, (g * 7919) %% 100000, (ARRAY['new', 'paid', 'shipped'])[1 + g %% 3],
                     now() - g * interval '1 minute'
              FROM generate_series(1, %d) g;
          END IF;
        END $$;
        ANALYZE;
        """.formatted(customers, customers, rows));
    out.printf("Created %,d customers and %,d orders (%s).%n%n", customers, rows,
        TraceReport.formatMs((System.nanoTime() - start) / 1e6));
    out.flush();
  }

  private static void summary(List<TraceResult> results, PrintWriter out) {
    int statements = 0;
    int blockingAll = 0;
    int rewrites = 0;
    StatementTrace longest = null;
    for (TraceResult r : results) {
      for (StatementTrace s : r.statements()) {
        if (!s.wasRun()) {
          continue;
        }
        statements++;
        boolean blocksReads = s.locks().stream().map(RelationLock::mode).anyMatch(LockMode::blocksReads);
        if (blocksReads) {
          blockingAll++;
          if (longest == null || s.durationMs() > longest.durationMs()) {
            longest = s;
          }
        }
        if (s.rewrite()) {
          rewrites++;
        }
      }
    }
    out.printf("%d statements: %d blocked reads and writes of an existing table, %d rewrote a table.%n",
        statements, blockingAll, rewrites);
    if (longest != null) {
      out.printf("Longest: %s at %s held ACCESS EXCLUSIVE for %s; that time grows with the table.%n",
          TraceReport.abbreviate(longest.sql()), longest.where(), TraceReport.formatMs(longest.durationMs()));
    }
    out.println("Next: ./slipway trace examples/V6__widen_order_total_to_bigint.sql --format json, "
        + "or your own migrations with --url (docs/trace.md).");
    out.flush();
  }

  private Path examplesFolder() {
    if (examples != null) {
      if (!Files.isDirectory(examples)) {
        throw new BadInputException(examples.toString(), "no such folder; pass the folder that holds the examples");
      }
      return examples;
    }
    Path here = Path.of("examples");
    if (Files.isDirectory(here)) {
      return here;
    }
    String home = System.getProperty("slipway.home");
    if (home != null && Files.isDirectory(Path.of(home, "examples"))) {
      return Path.of(home, "examples");
    }
    throw new BadInputException("examples", "no examples folder here; run from the Slipway checkout "
        + "(./slipway demo) or pass --examples DIR");
  }
}
