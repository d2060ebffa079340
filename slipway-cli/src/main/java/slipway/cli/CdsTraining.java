package slipway.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The training run the {@code ./slipway} launcher records its class-data-sharing archive from: lint of
 * the given migrations in every output format, output discarded. The archive then holds the classes
 * a real lint run loads (parser, lock model, rules, reporters), whatever command happens to run first.
 * Not a command: it is run once after each build, as {@code java -XX:ArchiveClassesAtExit=… -cp slipway.jar
 * slipway.cli.CdsTraining examples}.
 */
public final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) {
    PrintWriter none = new PrintWriter(OutputStream.nullOutputStream());
    for (String format : new String[] {"text", "json", "sarif", "github"}) {
      String[] lint = new String[args.length + 3];
      lint[0] = "lint";
      lint[1] = "--format";
      lint[2] = format;
      System.arraycopy(args, 0, lint, 3, args.length);
      run(none, lint);
    }
    run(none, "--version");
  }

  private static void run(PrintWriter none, String... args) {
    CommandLine cl = Main.commandLineFor(args);
    cl.setOut(none);
    cl.setErr(none);
    cl.execute(args);
  }
}
