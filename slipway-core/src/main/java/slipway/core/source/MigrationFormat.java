package slipway.core.source;

/** The conventions {@link MigrationLoader} recognises; see docs/sources.md. */
public enum MigrationFormat {
  /** A plain .sql file (or stdin): the whole text, version from a leading number if any. */
  PLAIN,
  /** Flyway {@code V1_2__name.sql}, {@code R__name.sql} (undo {@code U…} files are not applied). */
  FLYWAY,
  /** Prisma {@code migrations/<timestamp>_<name>/migration.sql}. */
  PRISMA,
  /** golang-migrate / gobuffalo pop {@code <version>_<name>.up.sql} (down files are not applied). */
  GOLANG_MIGRATE,
  /** goose: one file with {@code -- +goose Up} and {@code -- +goose Down} sections. */
  GOOSE,
  /** diesel {@code migrations/<version>_<name>/up.sql}. */
  DIESEL,
  /** ory/popx {@code <version>_<name>[.postgres][.autocommit].up.sql}. */
  POPX,
  /** Liquibase formatted SQL: {@code --liquibase formatted sql} and {@code --changeset author:id} blocks. */
  LIQUIBASE,
}
