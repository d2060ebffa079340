package slipway.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import slipway.core.sql.Parser;
import slipway.core.sql.SqlStatement;
import slipway.core.sql.Splitter;

/**
 * Lexes, splits and parses the SQL corpus ({@code -Dslipway.corpus=…}, default {@code ../shared/corpus})
 * held in memory, on one thread. The {@code mbPerSecond} counter is the figure: megabytes (10^6
 * UTF-8 bytes) of SQL read per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class ParserBenchmark {
  /** {@code migrations}: the corpus without PostgreSQL's regression SQL; {@code all}: everything. */
  @Param({"migrations", "all"})
  public String files;

  private final List<String[]> sources = new ArrayList<>();
  private long bytes;

  @Setup
  public void load() {
    Path root = Path.of(System.getProperty("slipway.corpus", "../shared/corpus"));
    if (!Files.isDirectory(root)) throw new IllegalStateException("no corpus at " + root.toAbsolutePath() + "; pass -Dslipway.corpus=…");
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".sql")).sorted().collect(Collectors.toList())) {
        if (files.equals("migrations") && p.toString().contains("postgres__postgres")) continue;
        byte[] content = Files.readAllBytes(p);
        bytes += content.length;
        sources.add(new String[] {p.toString(), new String(content, StandardCharsets.UTF_8)});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts megabytes read, so JMH reports MB/s next to the operations per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Throughput {
    public double mbPerSecond;

    @Setup(Level.Iteration)
    public void reset() {
      mbPerSecond = 0;
    }
  }

  @Benchmark
  public int lexSplitAndParse(Throughput counter) {
    int typed = 0;
    for (String[] file : sources) {
      for (SqlStatement s : Splitter.split(file[0], file[1])) {
        if (Parser.parse(s).typed()) typed++;
      }
    }
    counter.mbPerSecond += bytes / 1e6;
    return typed;
  }
}
