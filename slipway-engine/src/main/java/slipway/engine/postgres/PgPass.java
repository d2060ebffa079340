package slipway.engine.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The password file ({@code ~/.pgpass} or {@code PGPASSFILE}) read as libpq reads it
 * (PostgreSQL docs, "The Password File"): lines {@code hostname:port:database:username:password},
 * the first line whose four fields match wins, {@code *} matches anything, {@code \:} and
 * {@code \\} escape a colon and a backslash, lines starting with {@code #} are comments. Like
 * libpq, a file that its group or others can read is ignored.
 */
public final class PgPass {
  private PgPass() {}

  /** The password for this connection, or null when the file is absent, ignored or has no match. */
  public static String lookup(Path file, String host, int port, String database, String user) {
    if (file == null || !Files.isRegularFile(file) || !privateToOwner(file)) {
      return null;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      return null; // libpq silently skips an unreadable password file too
    }
    return lookup(lines, host, port, database, user);
  }

  static String lookup(List<String> lines, String host, int port, String database, String user) {
    String[] wanted = {host, Integer.toString(port), database, user};
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      List<String> fields = fields(line);
      if (fields.size() < 5) {
        continue;
      }
      boolean matches = true;
      for (int i = 0; i < 4 && matches; i++) {
        String field = fields.get(i);
        matches = field.equals("*") || field.equals(wanted[i])
            // libpq: "localhost" also matches connections over the default unix socket.
            || (i == 0 && field.equals("localhost") && wanted[0].startsWith("/"));
      }
      if (matches) {
        return fields.get(4);
      }
    }
    return null;
  }

  /** Splits on unescaped colons; the fifth field (the password) takes the rest of the line. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        field.append(line.charAt(++i));
      } else if (c == ':' && fields.size() < 4) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  /** libpq ignores a password file with any group or world permission bits (on POSIX systems). */
  static boolean privateToOwner(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      for (PosixFilePermission p : permissions) {
        if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
          return false;
        }
      }
      return true;
    } catch (UnsupportedOperationException e) {
      return true; // not a POSIX file system (Windows): libpq does not check either
    } catch (IOException e) {
      return false;
    }
  }
}
