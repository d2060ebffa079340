package slipway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import slipway.engine.backfill.BackfillControl;

/** pause, resume and cancel: one named backfill, one state change, its outcome printed. */
abstract class BackfillControlCommand implements Callable<Integer> {
  @Mixin BackfillTarget target;

  @Option(names = "--name", paramLabel = "NAME", required = true, description = "The backfill's name")
  String name;

  @Spec CommandSpec spec;

  /** Applies the change to the backfill {@code name}; returns what to print. */
  abstract String apply(BackfillControl control, String name);

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(apply(BackfillControl.of(target.connector(), target.stateSchema), name));
    return 0;
  }
}
