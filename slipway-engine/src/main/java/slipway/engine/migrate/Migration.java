package slipway.engine.migrate;

import slipway.core.source.Version;
import java.time.Duration;
import java.util.Optional;

/**
 * One migration as the runner sees it: versioned ({@code V2__add_region.sql}), repeatable
 * ({@code R__views.sql}: applied again when it changes) or plain (no version: applied once,
 * known by its script name), with its text, checksums and header settings.
 *
 * @param script the name recorded in the history: the path relative to its location, with {@code /}
 *     (a Liquibase changeset or goose section adds nothing: its description tells it apart)
 * @param file the path to show in messages
 * @param text the SQL to run
 * @param checksumText what the checksums are computed over (the whole file for whole-file formats,
 *     as Flyway reads it; the section's text otherwise)
 * @param firstLine the line of the file {@code text} starts on (1 for a whole file)
 * @param transactional false when the source format says to run outside a transaction (goose NO
 *     TRANSACTION, popx .autocommit, Flyway executeInTransaction=false): every statement on its own
 * @param splitStatements false when the whole text is one statement (Liquibase splitStatements:false)
 */
public record Migration(Kind kind, Version version, String description, String script, String file, String text,
                        String checksumText, int firstLine, boolean transactional, boolean splitStatements,
                        Header header) {

  public enum Kind { VERSIONED, REPEATABLE, PLAIN }

  public boolean repeatable() {
    return kind == Kind.REPEATABLE;
  }

  /** Slipway's checksum (see {@link Checksums#slipway}). */
  public String checksum() {
    return Checksums.slipway(checksumText);
  }

  /** Flyway's checksum (see {@link Checksums#flyway}). */
  public int flywayChecksum() {
    return Checksums.flyway(checksumText);
  }

  /** {@code V2 add region} / {@code R views} / {@code seed.sql}: how progress lines name a migration. */
  public String label() {
    switch (kind) {
      case VERSIONED: return "V" + version + " " + description;
      case REPEATABLE: return "R " + description;
      default: return script;
    }
  }

  /** The history row type: Flyway's {@code SQL} for versioned and repeatable, {@code PLAIN} otherwise. */
  String type() {
    return kind == Kind.PLAIN ? "PLAIN" : "SQL";
  }

  /**
   * Does this history row record this migration? Versioned: the same version (and the same
   * description when several sources share the version, as Liquibase changesets of one file do);
   * otherwise the same script and description.
   */
  boolean matches(AppliedMigration row, boolean versionShared) {
    if (row.baseline()) {
      return false;
    }
    if (kind == Kind.VERSIONED) {
      return row.version() != null && version.equals(Version.parse(row.version()))
          && (!versionShared || row.description().equals(description));
    }
    return row.version() == null && row.script().equals(script) && row.description().equals(description);
  }

  /**
   * Overrides from the file's header comment, e.g. {@code -- slipway:lock-timeout=5s}: lock-timeout,
   * statement-timeout, concurrent-timeout, retries.
   */
  public record Header(Optional<Duration> lockTimeout, Optional<Duration> statementTimeout,
                       Optional<Duration> concurrentTimeout, Optional<Integer> retries) {
    public static final Header NONE = new Header(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
