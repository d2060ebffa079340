package slipway.core.source;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import slipway.core.BadInputException;

/**
 * The one migration loader every command uses: files, folders and {@code -} (stdin), in the layouts
 * of Flyway, Prisma, golang-migrate, goose, diesel, ory/popx and Liquibase formatted SQL, returned
 * in the order they apply (see docs/sources.md).
 *
 * <p>Order: files without a version first (a baseline schema, or plain files in the order given and
 * then by name with numbers compared numerically), then versioned migrations by version (compared
 * numerically part by part), then Flyway repeatables by description. Down/undo migrations are not
 * part of the forward order and are left out.
 */
public final class MigrationLoader {
  private static final Pattern FLYWAY =
      Pattern.compile("([VUR])([0-9][0-9._]*)?__(.+)\\.sql", Pattern.CASE_INSENSITIVE);
  private static final Pattern UP_DOWN = Pattern.compile(
      "([0-9]+)_(.+?)(\\.(postgres|mysql|sqlite3?|cockroach|mariadb|sqlserver))?(\\.autocommit)?"
          + "\\.(up|down)\\.sql",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DIR_VERSIONED = Pattern.compile("([0-9][0-9-]*)_(.+)");
  private static final Pattern PRISMA_DIR = Pattern.compile("([0-9]+)_(.+)");
  private static final Pattern GOOSE_NAME = Pattern.compile("([0-9]+)_(.*)\\.sql", Pattern.CASE_INSENSITIVE);
  private static final Pattern DBMS = Pattern.compile("\\bdbms:(\\S+)");
  private static final Pattern PLAIN_VERSION = Pattern.compile("([0-9]+(?:\\.[0-9]+)*)(?:[_-](.*))?\\.sql",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern GOOSE = Pattern.compile("^--\\s*\\+goose\\s+(\\w+)(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
  private static final Pattern LIQUIBASE_HEADER =
      Pattern.compile("\\A\\s*--\\s*liquibase\\s+formatted\\s+sql", Pattern.CASE_INSENSITIVE);
  private static final Pattern CHANGESET =
      Pattern.compile("^--\\s*changeset\\s+(\\S+)(.*)$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  private MigrationLoader() {}

  /** Loads paths (files, folders, or {@code -} for standard input) in apply order. */
  public static List<Migration> load(List<String> paths) {
    return load(paths, MigrationLoader::readStdin);
  }

  /** As {@link #load(List)}, with standard input supplied by the caller (tests, embedding). */
  public static List<Migration> load(List<String> paths, Supplier<String> stdin) {
    // First the files to read, in order (cheap: names and directory listings); a bad path stops the
    // list there and is thrown once the files before it are read, as if everything ran in order.
    List<Source> sources = new ArrayList<>();
    RuntimeException badPath = null;
    try {
      for (int arg = 0; arg < paths.size(); arg++) {
        String p = paths.get(arg);
        if (p.equals("-")) {
          sources.add(new Source(arg, "", null));
          continue;
        }
        Path path = Path.of(p);
        // One stat per argument: what it is (null: nothing there).
        java.nio.file.attribute.BasicFileAttributes attrs;
        try {
          attrs = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
          attrs = null;
        }
        if (attrs != null && attrs.isDirectory()) {
          List<Path> files = sqlFiles(path);
          if (files.isEmpty()) {
            throw new BadInputException(p, "no .sql files in this folder; pass the folder that holds the migrations");
          }
          Set<String> postgresSpecific = popxPostgresSpecific(files);
          for (Path f : files) {
            String name = f.getFileName().toString();
            if (isGenericShadowed(f, name, postgresSpecific)) {
              continue;
            }
            sources.add(new Source(arg, path.relativize(f).toString().replace('\\', '/'), f));
          }
        } else if (attrs != null && attrs.isRegularFile()) {
          sources.add(new Source(arg, path.getFileName().toString(), path));
        } else if (attrs == null) {
          throw new BadInputException(p, "no such file or folder; pass .sql files, a migrations folder, or - for stdin");
        } else {
          throw new BadInputException(p, "not a regular file or folder; pass .sql files or a migrations folder");
        }
      }
    } catch (RuntimeException e) {
      badPath = e;
    }
    // Then read and split the files, on every core when there are many (each file on its own; the
    // results keep the order above).
    Object[] parsed = parseAll(sources);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      Source src = sources.get(i);
      Object result = src.file == null ? parse("<stdin>", "<stdin>", null, stdin.get(), true, false) : parsed[i];
      if (result instanceof RuntimeException e) {
        throw e;
      }
      if (result instanceof Error e) {
        throw e;
      }
      @SuppressWarnings("unchecked")
      List<Migration> ms = (List<Migration>) result;
      addAll(entries, src.arg, src.rel, ms);
    }
    if (badPath != null) {
      throw badPath;
    }
    entries.sort(ORDER);
    List<Migration> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      out.add(e.migration);
    }
    return out;
  }

  /** A file to load (null: standard input), the argument it came from and its name relative to it. */
  private record Source(int arg, String rel, Path file) {}

  /** Files per task handed to a worker: enough that a task is worth the hand-over. */
  private static final int BATCH = 16;

  /**
   * Each file's migrations (or the exception reading it threw), by position; standard input is left to
   * the caller. Small inputs (a pre-commit hook's few files) are read on this thread alone.
   */
  private static Object[] parseAll(List<Source> sources) {
    Object[] out = new Object[sources.size()];
    int workers = Math.min(Runtime.getRuntime().availableProcessors(), sources.size() / (2 * BATCH));
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    Runnable work = () -> {
      for (int from = next.getAndAdd(BATCH); from < out.length; from = next.getAndAdd(BATCH)) {
        for (int i = from; i < Math.min(from + BATCH, out.length); i++) {
          Path f = sources.get(i).file;
          if (f == null) {
            continue;
          }
          try {
            out[i] = parseFile(f);
          } catch (RuntimeException | Error e) {
            out[i] = e;
          }
        }
      }
    };
    List<Thread> helpers = new ArrayList<>();
    for (int w = 1; w < workers; w++) {
      Thread t = new Thread(work, "slipway-load-" + w);
      t.setDaemon(true);
      t.start();
      helpers.add(t);
    }
    work.run();
    for (Thread t : helpers) {
      boolean interrupted = false;
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return out;
  }

  /**
   * Splits one file's text into its migrations by name and content (no file system access).
   * {@code path} is used for the name-based formats (its last two segments matter).
   */
  public static List<Migration> parse(String path, String text) {
    Path p = Path.of(path);
    String name = p.getFileName() == null ? path : p.getFileName().toString();
    String parent = p.getParent() == null || p.getParent().getFileName() == null
        ? null : p.getParent().getFileName().toString();
    return parse(path, name, parent, text, true, false);
  }

  // ---------------------------------------------------------------- formats

  private static List<Migration> parseFile(Path f) {
    String text = read(f);
    String name = f.getFileName().toString();
    Path parentPath = f.getParent();
    String parent = parentPath == null || parentPath.getFileName() == null
        ? null : parentPath.getFileName().toString();
    boolean tx = true;
    // Flyway: V1__x.sql.conf with executeInTransaction=false; diesel: metadata.toml run_in_transaction = false.
    Path conf = f.resolveSibling(name + ".conf");
    if (Files.isRegularFile(conf) && read(conf).replace(" ", "").contains("executeInTransaction=false")) {
      tx = false;
    }
    Path toml = parentPath == null ? null : parentPath.resolve("metadata.toml");
    if (toml != null && name.equals("up.sql") && Files.isRegularFile(toml)
        && read(toml).replace(" ", "").contains("run_in_transaction=false")) {
      tx = false;
    }
    return parse(f.toString(), name, parent, text, tx, true);
  }

  private static List<Migration> parse(String file, String name, String parent, String text,
      boolean transactional, boolean fromDisk) {
    if (text.startsWith("\uFEFF")) {
      text = " " + text.substring(1); // keep offsets: the BOM becomes a space
    }
    if (LIQUIBASE_HEADER.matcher(text).find()) {
      return liquibase(file, name, text);
    }
    if (mayBeGoose(text) && GOOSE.matcher(text).find()) {
      return goose(file, name, text);
    }
    Matcher m;
    if (name.equalsIgnoreCase("migration.sql") && parent != null
        && (m = PRISMA_DIR.matcher(parent)).matches()) {
      return List.of(whole(file, m.group(1), m.group(2), MigrationFormat.PRISMA, Migration.Kind.VERSIONED,
          text, transactional));
    }
    if ((name.equalsIgnoreCase("up.sql") || name.equalsIgnoreCase("down.sql")) && parent != null
        && (m = DIR_VERSIONED.matcher(parent)).matches()) {
      if (name.equalsIgnoreCase("down.sql")) {
        return List.of();
      }
      return List.of(whole(file, m.group(1), m.group(2), MigrationFormat.DIESEL, Migration.Kind.VERSIONED,
          text, transactional));
    }
    if ((m = FLYWAY.matcher(name)).matches()) {
      String prefix = m.group(1).toUpperCase(Locale.ROOT);
      if (prefix.equals("U")) {
        return List.of(); // undo migrations are not part of the forward order
      }
      if (prefix.equals("V") && m.group(2) != null) {
        String version = m.group(2).replace('_', '.');
        return List.of(whole(file, version, m.group(3).replace('_', ' '), MigrationFormat.FLYWAY,
            Migration.Kind.VERSIONED, text, transactional));
      }
      if (prefix.equals("R") && m.group(2) == null) {
        return List.of(whole(file, null, m.group(3).replace('_', ' '), MigrationFormat.FLYWAY,
            Migration.Kind.REPEATABLE, text, transactional));
      }
    }
    if ((m = UP_DOWN.matcher(name)).matches()) {
      if (m.group(6).equalsIgnoreCase("down")) {
        return List.of();
      }
      String dialect = m.group(4);
      if (dialect != null && !dialect.equalsIgnoreCase("postgres")) {
        return List.of(); // popx: another database's variant
      }
      boolean popx = dialect != null || m.group(5) != null;
      boolean tx = transactional && m.group(5) == null; // popx .autocommit runs outside a transaction
      return List.of(whole(file, m.group(1), m.group(2), popx ? MigrationFormat.POPX : MigrationFormat.GOLANG_MIGRATE,
          Migration.Kind.VERSIONED, text, tx));
    }
    if ((m = PLAIN_VERSION.matcher(name)).matches()) {
      String desc = m.group(2) == null ? "" : m.group(2);
      return List.of(whole(file, m.group(1), desc, MigrationFormat.PLAIN, Migration.Kind.VERSIONED, text,
          transactional));
    }
    String desc = name.toLowerCase(Locale.ROOT).endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
    return List.of(whole(file, null, desc, MigrationFormat.PLAIN, Migration.Kind.PLAIN, text, transactional));
  }

  /**
   * False when the text cannot hold a goose annotation: no {@code +goose} in any case. The regular
   * expression then need not try every line start of the file.
   */
  private static boolean mayBeGoose(String text) {
    for (int i = text.indexOf('+'); i >= 0; i = text.indexOf('+', i + 1)) {
      if (text.regionMatches(true, i + 1, "goose", 0, 5)) {
        return true;
      }
    }
    return false;
  }

  private static Migration whole(String file, String version, String description, MigrationFormat format,
      Migration.Kind kind, String text, boolean transactional) {
    return new Migration(file, version, description, format, kind, text, transactional, true, 0, 1);
  }

  /** goose: only the Up section applies; {@code -- +goose NO TRANSACTION} runs it outside a transaction. */
  private static List<Migration> goose(String file, String name, String text) {
    Matcher v = GOOSE_NAME.matcher(name);
    String version = v.matches() ? v.group(1) : null;
    String desc = v.matches() ? v.group(2) : name;
    boolean tx = true;
    int upStart = -1;
    int upEnd = text.length();
    Matcher m = GOOSE.matcher(text);
    while (m.find()) {
      String word = m.group(1).toLowerCase(Locale.ROOT);
      String rest = m.group(2).trim().toLowerCase(Locale.ROOT);
      if (word.equals("no") && rest.startsWith("transaction")) {
        tx = false;
      } else if (word.equals("up") && upStart < 0) {
        upStart = m.start();
      } else if (word.equals("down") && upStart >= 0 && upEnd == text.length()) {
        upEnd = m.start();
      }
    }
    if (upStart < 0) {
      return List.of();
    }
    return List.of(new Migration(file, version, desc, MigrationFormat.GOOSE, Migration.Kind.VERSIONED,
        text.substring(upStart, upEnd), tx, true, upStart, lineAt(text, upStart)));
  }

  /** Liquibase formatted SQL: one migration per {@code --changeset author:id [attributes]} block. */
  private static List<Migration> liquibase(String file, String name, String text) {
    Matcher v = PLAIN_VERSION.matcher(name);
    String fileVersion = v.matches() ? v.group(1) : null;
    List<Migration> out = new ArrayList<>();
    Matcher m = CHANGESET.matcher(text);
    List<Integer> starts = new ArrayList<>();
    while (m.find()) {
      starts.add(m.start());
    }
    for (int i = 0; i < starts.size(); i++) {
      int start = starts.get(i);
      int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
      int eol = text.indexOf('\n', start);
      String header = text.substring(start, eol < 0 || eol > end ? end : eol).trim();
      Matcher h = CHANGESET.matcher(header);
      if (!h.find()) {
        continue;
      }
      String id = h.group(1);
      String attrs = h.group(2).toLowerCase(Locale.ROOT);
      if (!dbmsIncludesPostgres(attrs)) {
        continue;
      }
      boolean tx = !attrs.contains("runintransaction:false");
      boolean split = !attrs.contains("splitstatements:false");
      out.add(new Migration(file, fileVersion, "changeset " + id, MigrationFormat.LIQUIBASE,
          Migration.Kind.VERSIONED, text.substring(start, end), tx, split, start, lineAt(text, start)));
    }
    return out;
  }

  private static boolean dbmsIncludesPostgres(String attrs) {
    Matcher d = DBMS.matcher(attrs);
    if (!d.find()) {
      return true;
    }
    boolean any = false;
    for (String db : d.group(1).split(",")) {
      db = db.trim();
      if (db.equals("!postgresql")) {
        return false;
      }
      if (db.equals("postgresql") || db.equals("all") || db.startsWith("!")) {
        any = true;
      }
    }
    return any;
  }

  // ---------------------------------------------------------------- files and order

  private static List<Path> sqlFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
          .filter(f -> {
            for (Path part : dir.relativize(f)) {
              if (part.toString().startsWith(".")) {
                return false;
              }
            }
            return true;
          })
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException | RuntimeException e) {
      throw new BadInputException(dir.toString(), "cannot list the folder (" + e.getMessage() + "); check its permissions");
    }
  }

  /** popx: when both {@code x.postgres.up.sql} and {@code x.up.sql} exist, only the postgres one applies. */
  private static Set<String> popxPostgresSpecific(List<Path> files) {
    Set<String> keys = new HashSet<>();
    for (Path f : files) {
      Matcher m = UP_DOWN.matcher(f.getFileName().toString());
      if (m.matches() && "postgres".equalsIgnoreCase(m.group(4))) {
        keys.add(f.resolveSibling(m.group(1) + "_" + m.group(2)) + "." + m.group(6).toLowerCase(Locale.ROOT));
      }
    }
    return keys;
  }

  private static boolean isGenericShadowed(Path f, String name, Set<String> postgresSpecific) {
    Matcher m = UP_DOWN.matcher(name);
    return m.matches() && m.group(4) == null
        && postgresSpecific.contains(f.resolveSibling(m.group(1) + "_" + m.group(2)) + "."
            + m.group(6).toLowerCase(Locale.ROOT));
  }

  private static String read(Path f) {
    try {
      // A FileInputStream, not Files.readAllBytes: fewer layers to run cold for each of a thousand files.
      byte[] bytes;
      try (java.io.FileInputStream in = new java.io.FileInputStream(f.toFile())) {
        bytes = in.readAllBytes();
      }
      // The usual case, valid UTF-8, decodes on the fast path; malformed input would show as U+FFFD
      // there, so a text with one (malformed, or a real U+FFFD) is decoded again strictly.
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') < 0) {
        return text;
      }
      try {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        return new String(bytes, StandardCharsets.ISO_8859_1); // legacy Latin-1 files still load
      }
    } catch (IOException | SecurityException e) {
      throw new BadInputException(f.toString(), "cannot read the file (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); check it exists and is readable");
    }
  }

  private static String readStdin() {
    try {
      return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException("<stdin>", "cannot read standard input (" + e.getMessage() + ")");
    }
  }

  static int lineAt(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private record Entry(int arg, String rel, int index, Migration migration, Version version) {
    Entry(int arg, String rel, int index, Migration migration) {
      // Parsed once here, not in every comparison of the sort (null: no version, or one without digits).
      this(arg, rel, index, migration, hasDigits(migration.version()) ? Version.parse(migration.version()) : null);
    }

    private static boolean hasDigits(String v) {
      if (v == null) {
        return false;
      }
      for (int i = 0; i < v.length(); i++) {
        if (v.charAt(i) >= '0' && v.charAt(i) <= '9') {
          return true;
        }
      }
      return false;
    }

    int rank() {
      return switch (migration.kind()) {
        case PLAIN -> 0;
        case VERSIONED -> migration.version() == null ? 0 : 1;
        case REPEATABLE -> 2;
      };
    }
  }

  private static void addAll(List<Entry> entries, int arg, String rel, List<Migration> migrations) {
    for (int i = 0; i < migrations.size(); i++) {
      entries.add(new Entry(arg, rel, i, migrations.get(i)));
    }
  }

  private static final Comparator<Entry> ORDER = (a, b) -> {
    int c = Integer.compare(a.rank(), b.rank());
    if (c != 0) {
      return c;
    }
    if (a.rank() == 1) {
      // As Version.compare: a version without digits sorts first.
      c = a.version == null || b.version == null
          ? Boolean.compare(a.version != null, b.version != null) : a.version.compareTo(b.version);
      if (c != 0) {
        return c;
      }
    }
    if (a.rank() == 2) {
      c = a.migration.description().compareTo(b.migration.description());
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(a.arg, b.arg);
    if (c != 0) {
      return c;
    }
    c = Version.compareNatural(a.rel, b.rel);
    if (c != 0) {
      return c;
    }
    return Integer.compare(a.index, b.index);
  };
}
