package slipway.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** A test of the command line that runs several commands and reads what they printed, all runs together. */
abstract class CliHarness {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /** Runs one command; its output is appended to {@link #out} and {@link #err}. Returns the exit code. */
  int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }
}
