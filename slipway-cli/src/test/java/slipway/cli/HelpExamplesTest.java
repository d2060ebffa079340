package slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help shows an example; the trace and demo examples run as written. */
class HelpExamplesTest {
  private static final Path REPO = Path.of("").toAbsolutePath().getParent();

  @Test
  void everyCommandsHelpShowsAnExample() {
    for (CommandLine sub : Main.commandLine().getSubcommands().values()) {
      String name = sub.getCommandName();
      if (name.equals("help")) {
        continue;
      }
      CommandRun run = CommandRun.of(name, "--help");
      assertEquals(0, run.exitCode(), name);
      assertTrue(run.out().contains("Example: slipway " + name), name + " --help has no example:\n" + run.out());
    }
  }

  @Test
  void theTraceExampleRuns() {
    List<String> args = example("trace");
    // The example's paths are relative to the repository root; tests run in slipway-cli/.
    args.replaceAll(a -> a.startsWith("examples/") ? REPO.resolve(a).toString() : a);
    CommandRun run = CommandRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("orders    ShareLock  writes"), run.out());
    assertTrue(run.out().contains("Applied first: V1__create_customers_and_orders.sql, V2__add_order_region.sql, "
        + "V3__add_order_public_id.sql"), run.out());
  }

  @Test
  void theDemoExampleRuns() {
    List<String> args = example("demo");
    args.add("--examples");
    args.add(REPO.resolve("examples").toString());
    args.add("--rows");
    args.add("2000"); // the example as written, on less data
    CommandRun run = CommandRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("V5__index_orders_created_at_concurrently.sql"), run.out());
    assertTrue(run.out().contains("ShareUpdateExclusiveLock"), run.out());
    assertTrue(run.out().contains("2 rewrote a table"), run.out());
  }

  /** The arguments of the command's first "Example: slipway …" footer line. */
  private static List<String> example(String command) {
    String help = CommandRun.of(command, "--help").out();
    Matcher m = Pattern.compile("Example: slipway (.+)").matcher(help);
    assertTrue(m.find(), help);
    return new ArrayList<>(List.of(m.group(1).trim().split("\\s+")));
  }
}
