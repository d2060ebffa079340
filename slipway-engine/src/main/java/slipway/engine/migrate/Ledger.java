package slipway.engine.migrate;

import slipway.core.source.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The files set against the history: which migrations are applied, pending, in flight (a run
 * stopped part-way: it resumes at the first statement that did not commit), below the baseline,
 * or drifted (edited after they were applied), and which rows have no file.
 */
final class Ledger {
  enum State { APPLIED, PENDING, IN_FLIGHT, BELOW_BASELINE, ABOVE_TARGET, CHANGED }

  /** One migration's standing; {@code row} is its latest history row, if any. */
  record Entry(Migration migration, State state, AppliedMigration row) {
    /** The 0-based statement a run starts at. */
    int resumeFrom() {
      return state == State.IN_FLIGHT ? Math.max(0, row.statementsDone()) : 0;
    }
  }

  final List<Entry> entries = new ArrayList<>();
  final List<Problem> problems = new ArrayList<>();
  final List<AppliedMigration> missing = new ArrayList<>();

  Ledger(List<Migration> resolved, List<AppliedMigration> applied, History history, Version target, boolean outOfOrder) {
    Version baseline = null;
    Version maxApplied = null;
    for (AppliedMigration row : applied) {
      if (row.version() == null || !row.success()) {
        continue;
      }
      Version v = row.parsedVersion();
      if (row.baseline()) {
        baseline = baseline == null || v.compareTo(baseline) > 0 ? v : baseline;
      } else {
        maxApplied = maxApplied == null || v.compareTo(maxApplied) > 0 ? v : maxApplied;
      }
    }
    Map<Version, Integer> versionCount = new HashMap<>();
    for (Migration m : resolved) {
      if (m.version() != null) {
        versionCount.merge(m.version(), 1, Integer::sum);
      }
    }
    // Rows by version, and by script + description, so matching stays linear for thousands of files.
    Map<Version, List<AppliedMigration>> byVersion = new HashMap<>();
    Map<String, List<AppliedMigration>> byScript = new HashMap<>();
    for (AppliedMigration row : applied) {
      if (row.version() != null) {
        byVersion.computeIfAbsent(row.parsedVersion(), k -> new ArrayList<>()).add(row);
      } else {
        byScript.computeIfAbsent(row.script() + "\n" + row.description(), k -> new ArrayList<>()).add(row);
      }
    }
    Set<Integer> matchedRanks = new HashSet<>();
    for (Migration m : resolved) {
      boolean shared = m.version() != null && versionCount.get(m.version()) > 1;
      AppliedMigration latest = null;
      AppliedMigration success = null;
      List<AppliedMigration> candidates = m.kind() == Migration.Kind.VERSIONED
          ? byVersion.getOrDefault(m.version(), List.of())
          : byScript.getOrDefault(m.script() + "\n" + m.description(), List.of());
      for (AppliedMigration row : candidates) {
        if (m.matches(row, shared)) {
          matchedRanks.add(row.rank());
          latest = row;
          if (row.success()) {
            success = row;
          }
        }
      }
      String checksum = history.checksumOf(m);
      if (m.kind() == Migration.Kind.VERSIONED && baseline != null && m.version().compareTo(baseline) <= 0
          && success == null) {
        entries.add(new Entry(m, State.BELOW_BASELINE, null));
        continue;
      }
      if (m.kind() == Migration.Kind.VERSIONED && target != null && m.version().compareTo(target) > 0 && latest == null) {
        entries.add(new Entry(m, State.ABOVE_TARGET, null));
        continue;
      }
      if (m.repeatable()) {
        if (latest == null) {
          entries.add(new Entry(m, State.PENDING, null));
        } else if (!latest.success()) {
          boolean same = Objects.equals(latest.checksum(), checksum) && latest.statementsTotal() >= 0;
          entries.add(new Entry(m, same ? State.IN_FLIGHT : State.PENDING, same ? latest : null));
        } else {
          entries.add(new Entry(m, Objects.equals(latest.checksum(), checksum) ? State.APPLIED : State.CHANGED, latest));
        }
        continue;
      }
      if (success != null) {
        if (success.checksum() != null && !success.checksum().equals(checksum)) {
          problems.add(new Problem(true, m.file(), "changed after it was applied: the history (" + history.table()
              + ", rank " + success.rank() + ") has checksum " + success.checksum() + ", the file has " + checksum
              + "; restore the file, or run `slipway repair` to accept the edit"));
        }
        entries.add(new Entry(m, State.APPLIED, success));
      } else if (latest != null) {
        if (latest.statementsTotal() < 0) {
          problems.add(new Problem(true, m.file(), "failed migration recorded by Flyway (" + history.table() + ", rank "
              + latest.rank() + ") with no record of which statements committed; check the database by hand, then run "
              + "`slipway repair` to remove the failed row"));
        } else if (!Objects.equals(latest.checksum(), checksum)) {
          problems.add(new Problem(true, m.file(), "changed after a run stopped part-way through it (" + latest.statementsDone()
              + " of " + latest.statementsTotal() + " statements committed): the history has checksum " + latest.checksum()
              + ", the file has " + checksum + "; restore the file to resume, or run `slipway repair` to accept it"));
        }
        entries.add(new Entry(m, State.IN_FLIGHT, latest));
      } else {
        if (m.kind() == Migration.Kind.VERSIONED && maxApplied != null && m.version().compareTo(maxApplied) < 0
            && !outOfOrder) {
          problems.add(new Problem(true, m.file(), "version " + m.version() + " is older than the newest applied version "
              + maxApplied + " but was never applied; renumber it above " + maxApplied + ", or pass --out-of-order"));
        }
        entries.add(new Entry(m, State.PENDING, null));
      }
    }
    for (AppliedMigration row : applied) {
      if (!matchedRanks.contains(row.rank()) && !row.baseline() && row.success() && row.version() != null
          && !"SCHEMA".equals(row.type())) {
        missing.add(row);
        problems.add(new Problem(false, history.table() + " rank " + row.rank(), "V" + row.version() + " " + row.description()
            + " (" + row.script() + ") is applied but no file has it; keep the file in the migrations folder"));
      }
    }
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(Problem::error);
  }

  /** What migrate would run, in order: pending, in flight, and changed repeatables. */
  List<Entry> work() {
    List<Entry> work = new ArrayList<>();
    for (Entry e : entries) {
      if (e.state() == State.PENDING || e.state() == State.IN_FLIGHT || e.state() == State.CHANGED) {
        work.add(e);
      }
    }
    return work;
  }
}
