package slipway.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import slipway.engine.migrate.Problem;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check that every applied migration still matches its file (checksums), and nothing is out of order.",
    footer = {"%nExample: slipway validate --url postgres://app@db/app db/migration",
        "Exit codes: 0 valid, 1 a validation error (e.g. an applied file was edited),",
        "  2 bad input or unreachable database"})
final class ValidateCommand implements Callable<Integer> {
  @Mixin MigrationTarget target;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Problem> problems = target.builder(out).build().validate();
    for (Problem p : problems) {
      (p.error() ? spec.commandLine().getErr() : out).println(p);
    }
    boolean failed = problems.stream().anyMatch(Problem::error);
    if (!failed) {
      out.println("valid: every applied migration matches its file");
    }
    return failed ? 1 : 0;
  }
}
