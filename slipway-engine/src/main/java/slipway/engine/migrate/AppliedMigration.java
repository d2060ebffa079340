package slipway.engine.migrate;

import slipway.core.source.Version;
import java.time.Instant;

/**
 * One row of the history table.
 *
 * @param checksum as stored, as text ({@code sha256:…} in Slipway's table, the signed CRC32 in Flyway's), or null
 * @param statementsTotal statements in the migration, or -1 when unknown (rows Flyway wrote)
 * @param statementsDone statements committed so far (equals the total when {@code success})
 */
public record AppliedMigration(int rank, String version, String description, String type, String script,
                               String checksum, String installedBy, Instant installedOn, int executionMillis,
                               boolean success, int statementsTotal, int statementsDone, long lockWaitMillis,
                               int lockRetries) {

  public boolean baseline() {
    return type.contains("BASELINE");
  }

  public Version parsedVersion() {
    return version == null ? null : Version.parse(version);
  }
}
