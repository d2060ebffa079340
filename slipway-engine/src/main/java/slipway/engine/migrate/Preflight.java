package slipway.engine.migrate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The playbook's pre-flight and post-flight checks, each skippable: sessions that would make the
 * migration queue (idle in transaction, or running long, holding locks on tables it names),
 * replication lag, point-in-time recovery before a category-3 change, and the {@code --before} hook.
 */
final class Preflight {
  /** Check names for {@code --skip-check}. */
  static final Set<String> CHECKS = Set.of("sessions", "replication", "archive", "invalid-indexes");

  private final Connection c;
  private final Migrator.Settings s;
  private final Events events;

  Preflight(Connection c, Migrator.Settings s, Events events) {
    this.c = c;
    this.s = s;
    this.events = events;
  }

  /** Runs the checks before anything is applied; returns warnings, throws when a check fails. */
  List<String> before(List<Plan> plans) throws SQLException {
    List<String> warnings = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    if (!s.skipChecks().contains("sessions")) {
      sessions(plans, warnings, failures);
    }
    if (!s.skipChecks().contains("replication")) {
      for (String lag : lagging()) {
        failures.add("replica " + lag + " is behind by more than " + Durations.human(s.maxReplicationLag())
            + "; wait for it to catch up, raise --max-replication-lag, or --skip-check replication");
      }
    }
    boolean structural = plans.stream().anyMatch(p -> p.category() >= 3);
    if (structural && !s.skipChecks().contains("archive")) {
      String archive = setting("archive_mode");
      if ("off".equals(archive)) {
        String labels = String.join(", ", plans.stream().filter(p -> p.category() >= 3).map(p -> p.migration().label()).toList());
        warnings.add("category-3 change (" + labels + ") and archive_mode is off: no point-in-time recovery to roll back to; "
            + "take a snapshot first (--before 'pg_basebackup …')");
      }
    }
    for (String w : warnings) {
      events.emit(Events.event("preflight.warning", "pre-flight: " + w).with("warning", w));
    }
    if (!failures.isEmpty()) {
      for (String f : failures) {
        events.emit(Events.event("preflight.failed", "pre-flight: " + f).with("failure", f));
      }
      throw new MigrationFailedException("pre-flight failed, nothing was applied: " + String.join("; ", failures));
    }
    if (structural && s.beforeHook() != null) {
      hook(s.beforeHook());
    }
    return warnings;
  }

  private void sessions(List<Plan> plans, List<String> warnings, List<String> failures) throws SQLException {
    Set<String> names = new LinkedHashSet<>();
    for (Plan p : plans) {
      for (Plan.Group g : p.groups()) {
        for (Plan.Step step : g.steps()) {
          names.addAll(step.traits().names());
        }
      }
    }
    if (names.isEmpty()) {
      return;
    }
    String sql = "SELECT a.pid, a.state, extract(epoch FROM clock_timestamp() - a.xact_start)::float8, a.query, "
        + "string_agg(DISTINCT t.relname || ' (' || l.mode || ')', ', ') FROM pg_locks l "
        + "JOIN pg_class t ON t.oid = l.relation JOIN pg_stat_activity a ON a.pid = l.pid "
        + "WHERE l.granted AND a.pid <> pg_backend_pid() AND t.relname = ANY (?) AND t.relkind IN ('r', 'p', 'm') "
        + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        + "AND (a.state LIKE 'idle in transaction%' OR (a.state = 'active' AND clock_timestamp() - a.query_start > ?::interval)) "
        + "GROUP BY a.pid, a.state, a.xact_start, a.query ORDER BY a.xact_start";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Array array = c.createArrayOf("text", names.toArray());
      ps.setArray(1, array);
      ps.setString(2, s.maxTransactionAge().toMillis() + " milliseconds");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double age = rs.getDouble(3);
          String who = "pid " + rs.getInt(1) + " (" + rs.getString(2) + ", transaction open " + String.format("%.1fs", age)
              + ") holds locks on " + rs.getString(5) + ": " + BlockerWatch.shorten(rs.getString(4));
          if (age * 1000 >= s.maxTransactionAge().toMillis()) {
            failures.add(who + "; the migration would queue behind it and block every query on the table: end it "
                + "(SELECT pg_terminate_backend(" + rs.getInt(1) + ")), wait, or --skip-check sessions");
          } else {
            warnings.add(who + "; the migration may wait for it (lock_timeout then retry)");
          }
        }
      }
    }
  }

  /** Replicas whose replay lag is above the threshold, described. */
  List<String> lagging() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT application_name, client_addr::text, "
        + "coalesce(extract(epoch FROM replay_lag), 0)::float8 FROM pg_stat_replication")) {
      while (rs.next()) {
        double lag = rs.getDouble(3);
        if (lag * 1000 > s.maxReplicationLag().toMillis()) {
          out.add(rs.getString(1) + " (" + rs.getString(2) + ", replay lag " + String.format("%.1fs", lag) + ")");
        }
      }
    }
    return out;
  }

  /** Post-flight between migrations: waits until every replica is under the lag threshold. */
  void awaitReplication() throws SQLException {
    if (s.skipChecks().contains("replication")) {
      return;
    }
    long deadline = System.nanoTime() + s.replicationWait().toNanos();
    List<String> lagging = lagging();
    boolean reported = false;
    while (!lagging.isEmpty()) {
      if (!reported) {
        events.emit(Events.event("replication.wait", "waiting for replicas to catch up: " + String.join(", ", lagging))
            .with("replicas", lagging));
        reported = true;
      }
      if (System.nanoTime() > deadline) {
        throw new MigrationFailedException("replicas still lag after " + Durations.human(s.replicationWait()) + ": "
            + String.join(", ", lagging) + "; the applied migrations are recorded, rerun migrate once they catch up");
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MigrationFailedException("interrupted while waiting for replicas");
      }
      lagging = lagging();
    }
  }

  private String setting(String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT current_setting(?, true)")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Runs the hook with {@code sh -c}; its output becomes events; a non-zero exit stops the run. */
  private void hook(String command) {
    events.emit(Events.event("hook.start", "before hook: " + command).with("command", command));
    try {
      Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          events.emit(Events.event("hook.output", "  " + line).with("line", line));
        }
      }
      int code = p.waitFor();
      if (code != 0) {
        throw new MigrationFailedException("the --before hook exited with " + code + ", nothing was applied: " + command);
      }
    } catch (IOException e) {
      throw new MigrationFailedException("cannot run the --before hook (" + e.getMessage() + "): " + command);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationFailedException("interrupted while running the --before hook");
    }
  }
}
