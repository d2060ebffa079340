package slipway.engine.backfill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import slipway.core.BadInputException;

/**
 * A backfill declared in a file, e.g. {@code db/migration/V5__backfill_emails.backfill} beside
 * the migrations it sits between: {@code key = value} lines, {@code #} comments, a value continued
 * on following lines indented by whitespace.
 *
 * <pre>
 * name  = users_email_normalized
 * table = users
 * set   = email_normalized = lower(trim(email))
 * where = email_normalized IS NULL
 * # optional: key, template, target-batch-ms, pause-ms, min-batch, max-batch
 * </pre>
 *
 * The name defaults to the file's description ({@code backfill_emails} for
 * {@code V5__backfill_emails.backfill}).
 */
public record BackfillFile(Path path, Map<String, String> values) {
  private static final Set<String> KEYS = Set.of("name", "table", "set", "where", "template", "key",
      "target-batch-ms", "pause-ms", "min-batch", "max-batch");

  public BackfillFile {
    values = Map.copyOf(values);
  }

  public static BackfillFile read(Path path) {
    try {
      return parse(path, Files.readString(path));
    } catch (IOException e) {
      throw new BadInputException(path.toString(), "cannot read: " + e.getMessage());
    }
  }

  public static BackfillFile parse(Path path, String text) {
    Map<String, String> values = new LinkedHashMap<>();
    String current = null;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String where = path + ":" + (i + 1) + ":1";
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0)) && current != null) {
        values.put(current, values.get(current) + "\n" + line.strip());
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new BadInputException(where, "expected key = value; keys: " + String.join(", ", sorted()));
      }
      String key = line.substring(0, eq).strip();
      if (!KEYS.contains(key)) {
        throw new BadInputException(where, "unknown key '" + key + "'; keys: " + String.join(", ", sorted()));
      }
      if (values.containsKey(key)) {
        throw new BadInputException(where, "'" + key + "' given twice; keep one");
      }
      values.put(key, line.substring(eq + 1).strip());
      current = key;
    }
    if (!values.containsKey("name")) {
      String file = path.getFileName().toString().replaceFirst("\\.backfill$", "");
      int sep = file.indexOf("__");
      values.put("name", sep >= 0 ? file.substring(sep + 2) : file);
    }
    if (!values.containsKey("table")) {
      throw new BadInputException(path.toString(), "no 'table = …' line; name the table to backfill");
    }
    return new BackfillFile(path, values);
  }

  private static List<String> sorted() {
    return KEYS.stream().sorted().toList();
  }

  public String name() {
    return values.get("name");
  }

  /** Applies the file's definition to a backfill (command-line options may override it afterwards). */
  public Backfill applyTo(Backfill b) {
    b.name(name()).table(values.get("table"));
    if (values.containsKey("set")) {
      b.set(values.get("set"));
    }
    if (values.containsKey("where")) {
      b.where(values.get("where"));
    }
    if (values.containsKey("template")) {
      b.template(values.get("template"));
    }
    if (values.containsKey("key")) {
      b.key(List.of(values.get("key").split("\\s*,\\s*")));
    }
    try {
      if (values.containsKey("target-batch-ms")) {
        b.targetBatch(java.time.Duration.ofMillis(Long.parseLong(values.get("target-batch-ms"))));
      }
      if (values.containsKey("pause-ms")) {
        b.pause(java.time.Duration.ofMillis(Long.parseLong(values.get("pause-ms"))));
      }
      int min = values.containsKey("min-batch") ? Integer.parseInt(values.get("min-batch")) : b.minBatch;
      int max = values.containsKey("max-batch") ? Integer.parseInt(values.get("max-batch")) : b.maxBatch;
      b.batchSize(min, max);
    } catch (NumberFormatException e) {
      throw new BadInputException(path.toString(), "a number is not a whole number: " + e.getMessage());
    }
    return b;
  }
}
