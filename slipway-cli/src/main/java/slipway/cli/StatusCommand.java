package slipway.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import slipway.engine.migrate.MigrateEvent;
import slipway.engine.migrate.MigrateResult;
import slipway.engine.migrate.Status;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show applied, pending, failed and in-flight migrations, checksum drift, INVALID indexes and a running runner.",
    footer = {"%nExample: slipway status --url postgres://app@db/app db/migration",
        "Exit codes: 0 no problem, 1 checksum drift or another validation error,",
        "  2 bad input or unreachable database"})
final class StatusCommand implements Callable<Integer> {
  @Mixin MigrationTarget target;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Status status = target.builder(out).build().status();
    if (target.json()) {
      List<Map<String, Object>> rows = status.rows().stream().map(r -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("migration", r.migration());
        m.put("script", r.script());
        m.put("state", r.state());
        m.put("installedOn", r.installedOn() == null ? null : r.installedOn().toString());
        m.put("detail", r.detail());
        return m;
      }).toList();
      out.println(new MigrateEvent(java.time.Instant.now(), "status", "status of " + status.history(), Map.of())
          .with("history", status.history()).with("mode", status.mode()).with("migrations", rows)
          .with("invalidIndexes", status.invalidIndexes().stream().map(MigrateResult.InvalidIndex::toString).toList())
          .with("runnerPid", status.runnerPid()).toJson());
    } else {
      int w = Math.max(9, status.rows().stream().mapToInt(r -> r.migration().length()).max().orElse(9));
      out.println("history: " + status.history() + " (" + status.mode() + ")");
      out.println(String.format("%-" + w + "s  %-14s  %-20s  %s", "migration", "state", "installed on", "detail"));
      for (Status.Row r : status.rows()) {
        out.println(String.format("%-" + w + "s  %-14s  %-20s  %s", r.migration(), r.state(),
            r.installedOn() == null ? "" : r.installedOn().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"),
            r.detail()));
      }
      for (MigrateResult.InvalidIndex ix : status.invalidIndexes()) {
        out.println("INVALID index " + ix + ": drop it with DROP INDEX CONCURRENTLY and build it again");
      }
      if (status.runnerPid() != null) {
        out.println("a runner is migrating now: pid " + status.runnerPid());
      }
    }
    return status.hasErrors() ? 1 : 0;
  }
}
