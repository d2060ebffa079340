package slipway.engine.migrate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/** The two checksums a migration file has: Slipway's and Flyway's (see docs/migrate.md). */
final class Checksums {
  private Checksums() {}

  /**
   * Slipway's checksum: {@code sha256:} and the hex SHA-256 of the UTF-8 bytes of the normalized
   * text: byte order mark removed, CRLF and CR turned into LF, trailing line ends removed. Editing
   * a line changes it; checking the file out on Windows does not.
   */
  static String slipway(String content) {
    String text = stripBom(content).replace("\r\n", "\n").replace('\r', '\n');
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '\n') {
      end--;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.substring(0, end).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has SHA-256", e);
    }
  }

  /**
   * Flyway's checksum, so checksums Flyway stored validate: a CRC32 updated with the UTF-8 bytes of
   * each line as {@link BufferedReader#readLine()} returns it (line ends never hashed), the byte
   * order mark removed from the first line, cast to a signed int. As Flyway's
   * {@code ChecksumCalculator.calculateChecksumForResource}.
   */
  static int flyway(String content) {
    CRC32 crc32 = new CRC32();
    try (BufferedReader reader = new BufferedReader(new StringReader(content), 4096)) {
      String line = reader.readLine();
      if (line != null) {
        line = stripBom(line);
        do {
          crc32.update(line.getBytes(StandardCharsets.UTF_8));
        } while ((line = reader.readLine()) != null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (int) crc32.getValue();
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
