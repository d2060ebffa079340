package slipway.engine.migrate;

import slipway.core.source.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import slipway.core.BadInputException;
import slipway.core.source.MigrationFormat;
import slipway.core.source.MigrationLoader;

/**
 * Turns what the shared loader ({@link MigrationLoader}: Flyway, Prisma, golang-migrate, goose,
 * diesel, popx, Liquibase formatted SQL, plain folders) found into runner migrations: the script
 * name relative to its location (as Flyway records it), the checksum text, the header settings.
 */
final class MigrationSources {
  private static final Pattern SETTING = Pattern.compile("--\\s*slipway:([a-z-]+)\\s*=\\s*(\\S+)\\s*");

  private MigrationSources() {}

  static List<Migration> load(List<Path> locations) {
    List<String> paths = locations.stream().map(Path::toString).toList();
    List<Migration> out = new ArrayList<>();
    for (slipway.core.source.Migration m : MigrationLoader.load(paths)) {
      String script = script(locations, m.file());
      boolean wholeFile = m.offset() == 0 && m.format() != MigrationFormat.LIQUIBASE && m.format() != MigrationFormat.GOOSE;
      String checksumText = m.text();
      if (wholeFile && !m.file().equals("<stdin>")) {
        // The loader turns a byte order mark into a space to keep offsets; checksums want the file as Flyway reads it.
        checksumText = raw(m.file(), m.text());
      }
      Migration.Kind kind = m.kind() == slipway.core.source.Migration.Kind.REPEATABLE ? Migration.Kind.REPEATABLE
          : m.version() == null ? Migration.Kind.PLAIN : Migration.Kind.VERSIONED;
      Version version = kind == Migration.Kind.VERSIONED ? Version.parse(m.version()) : null;
      out.add(new Migration(kind, version, m.description(), script, m.file(), m.text(), checksumText, m.line(),
          m.transactional(), m.splitStatements(), header(m.file(), m.text(), m.line())));
    }
    return out;
  }

  /** The path relative to the location it was found under, with {@code /}. */
  private static String script(List<Path> locations, String file) {
    Path f = Path.of(file).toAbsolutePath().normalize();
    for (Path location : locations) {
      Path l = location.toAbsolutePath().normalize();
      if (Files.isDirectory(l) && f.startsWith(l)) {
        return l.relativize(f).toString().replace('\\', '/');
      }
    }
    Path name = Path.of(file).getFileName();
    return name == null ? file : name.toString();
  }

  private static String raw(String file, String fallback) {
    try {
      return new String(Files.readAllBytes(Path.of(file)), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return fallback;
    }
  }

  /** Settings in the comment lines at the top: {@code -- slipway:lock-timeout=5s}. */
  static Migration.Header header(String file, String content, int firstLine) {
    Optional<Duration> lock = Optional.empty();
    Optional<Duration> statement = Optional.empty();
    Optional<Duration> concurrent = Optional.empty();
    Optional<Integer> retries = Optional.empty();
    String[] lines = content.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty()) {
        continue;
      }
      if (!line.startsWith("--")) {
        break;
      }
      if (!line.replaceFirst("--\\s*", "").startsWith("slipway:")) {
        continue;
      }
      String where = file + ":" + (firstLine + i) + ":1";
      Matcher m = SETTING.matcher(line);
      if (!m.matches()) {
        throw new BadInputException(where, "malformed setting; write e.g. -- slipway:lock-timeout=5s");
      }
      String value = m.group(2);
      switch (m.group(1)) {
        case "lock-timeout": lock = Optional.of(Durations.parse(where, value)); break;
        case "statement-timeout": statement = Optional.of(Durations.parse(where, value)); break;
        case "concurrent-timeout": concurrent = Optional.of(Durations.parse(where, value)); break;
        case "retries":
          if (!value.matches("\\d{1,4}")) {
            throw new BadInputException(where, "retries must be a whole number, e.g. -- slipway:retries=20");
          }
          retries = Optional.of(Integer.parseInt(value));
          break;
        case "requires-backfill":
          // The expand-contract gate, checked by Migrator just before this migration runs (BackfillGate).
          break;
        default:
          throw new BadInputException(where, "unknown setting '" + m.group(1)
              + "'; known: lock-timeout, statement-timeout, concurrent-timeout, retries, requires-backfill");
      }
    }
    return new Migration.Header(lock, statement, concurrent, retries);
  }
}
