package slipway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import slipway.core.BadInputException;
import slipway.core.sql.ParseStats;

@Command(name = "parse-stats", mixinStandardHelpOptions = true,
    description = "Split and parse every .sql file under the folders and show how much the SQL front end reads: "
        + "files, bytes, statements, typed vs unrecognized vs errors, per statement kind, and wall time.",
    footer = {"%nExample: slipway parse-stats db/migration --format json",
        "Exit codes: 0 done, 1 the parser threw on some input (a bug: please report it), 2 bad input"})
final class ParseStatsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FOLDER", arity = "1..*", description = "Folders (or .sql files) to read.")
  List<Path> folders;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--by-folder", description = "Also show the figures per top-level folder under each FOLDER.")
  boolean byFolder;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new BadInputException("--format " + format, "unknown format; use text or json");
    }
    long started = System.nanoTime();
    List<Path[]> files = new ArrayList<>(); // {file, group}
    for (Path root : folders) {
      if (!Files.exists(root)) throw new BadInputException(root.toString(), "no such file or folder; give a folder of .sql files");
      if (Files.isRegularFile(root)) {
        files.add(new Path[] {root, root});
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p)).sorted().forEach(p -> {
          Path rel = root.relativize(p);
          Path group = rel.getNameCount() > 1 ? root.resolve(rel.getName(0)) : root;
          files.add(new Path[] {p, group});
        });
      } catch (IOException e) {
        throw new BadInputException(root.toString(), "cannot read: " + e.getMessage());
      }
    }
    // Files are independent: parse them on all cores, one ParseStats per group and thread, then merge.
    Map<Path, ParseStats> groups = files.parallelStream().collect(Collectors.groupingByConcurrent(f -> f[1],
        Collectors.reducing(new ParseStats(), f -> statsOf(f[0]), ParseStatsCommand::merged)));
    ParseStats total = new ParseStats();
    Map<String, ParseStats> perFolder = new LinkedHashMap<>();
    groups.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      total.add(e.getValue());
      perFolder.put(e.getKey().getFileName() == null ? e.getKey().toString() : e.getKey().getFileName().toString(), e.getValue());
    });
    long millis = (System.nanoTime() - started) / 1_000_000;
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      StringBuilder sb = new StringBuilder("{").append(total.jsonMembers(millis));
      if (byFolder) {
        sb.append(",\"folders\":{");
        boolean first = true;
        for (Map.Entry<String, ParseStats> e : perFolder.entrySet()) {
          if (!first) sb.append(',');
          first = false;
          sb.append('"').append(e.getKey().replace("\\", "\\\\").replace("\"", "\\\"")).append("\":{")
              .append(e.getValue().jsonMembers(-1).replace(",\"millis\":-1", "")).append('}');
        }
        sb.append('}');
      }
      out.println(sb.append('}'));
    } else {
      printText(out, "all", total, millis);
      if (byFolder) perFolder.forEach((name, stats) -> printText(out, name, stats, -1));
    }
    out.flush();
    return total.exceptions() > 0 ? 1 : 0;
  }

  private static ParseStats merged(ParseStats a, ParseStats b) {
    ParseStats m = new ParseStats();
    m.add(a);
    m.add(b);
    return m;
  }

  private static ParseStats statsOf(Path file) {
    ParseStats stats = new ParseStats();
    try {
      byte[] bytes = Files.readAllBytes(file);
      // Malformed UTF-8 becomes U+FFFD, as a lenient reader of migration files should.
      stats.addFile(file.toString(), new String(bytes, StandardCharsets.UTF_8), bytes.length);
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read: " + e.getMessage());
    }
    return stats;
  }

  private static void printText(PrintWriter out, String title, ParseStats s, long millis) {
    out.println(title + ":");
    out.printf(Locale.ROOT, "  files         %d%n", s.files());
    out.printf(Locale.ROOT, "  bytes         %d%n", s.bytes());
    out.printf(Locale.ROOT, "  statements    %d%n", s.statements());
    out.printf(Locale.ROOT, "  typed         %d (%.2f%%)%n", s.typed(), s.typedPercent());
    out.printf(Locale.ROOT, "  unrecognized  %d%n", s.unrecognized());
    out.printf(Locale.ROOT, "  errors        %d%n", s.errors());
    out.printf(Locale.ROOT, "  exceptions    %d%n", s.exceptions());
    if (millis >= 0) out.printf(Locale.ROOT, "  millis        %d%n", millis);
    out.println("  by kind:");
    new java.util.TreeMap<>(s.byKind()).forEach((k, v) -> out.printf(Locale.ROOT, "    %-28s %d%n", k, v));
  }
}
