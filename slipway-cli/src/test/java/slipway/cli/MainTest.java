package slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `slipway <command> …` builds only that command; what it prints and returns must not change. */
class MainTest {
  @Test
  void namesFindTheirCommand() {
    assertEquals(LintCommand.class, Main.named("lint"));
    assertEquals(CommandLine.HelpCommand.class, Main.named("help"));
    assertNull(Main.named("lnt"));
    assertNull(Main.named("--help"));
    assertEquals(List.of("lint"), List.copyOf(Main.commandLineFor("lint", "x.sql").getSubcommands().keySet()));
    assertEquals(Main.SUBCOMMANDS.length, Main.commandLineFor("help", "lint").getSubcommands().size());
    assertEquals(Main.SUBCOMMANDS.length, Main.commandLineFor("--version").getSubcommands().size());
  }

  @Test
  void aCommandAloneBehavesAsAmongAllOfThem() {
    for (String name : Main.commandLine().getSubcommands().keySet()) {
      for (String[] args : List.of(new String[] {name, "--help"}, new String[] {name, "--no-such-option"},
          new String[] {name, "-V"})) {
        assertEquals(run(Main.commandLine(), args), run(Main.commandLineFor(args), args), String.join(" ", args));
      }
    }
  }

  private static String run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return code + "\n" + out + "\n" + err;
  }
}
