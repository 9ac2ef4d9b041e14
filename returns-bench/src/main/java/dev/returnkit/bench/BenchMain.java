package dev.returnkit.bench;

import dev.returnkit.bench.decision.CaseGenerator;
import dev.returnkit.bench.decision.CrossCheck;
import dev.returnkit.bench.lifecycle.LifecycleShop;
import dev.returnkit.bench.probe.LifecycleProbe;
import dev.returnkit.bench.probe.StartupProbe;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks: first the cross-check (every engine must decide 10,000 generated
 * cases alike, or nothing is timed), then the start-up probe (fresh JVMs), the lifecycle probe
 * (per-command latency, heap), and the JMH benchmarks; writes the raw JMH output and JSON and a
 * Markdown summary with the machine, the JVM, the settings and the date.
 *
 * <p>Usage: {@code java -jar returns-bench/target/returns-bench.jar [--quick|--smoke]
 * [--out DIR] [--only REGEX]}. {@code --quick}: fewer, shorter iterations (minutes);
 * {@code --smoke}: one short iteration of each, in this JVM, to prove they run (the test suite
 * uses it); default: the full run (about half an hour on 2 cores).
 */
public final class BenchMain {

  private BenchMain() {}

  /** How long and how carefully to measure. */
  enum Depth {
    FULL(2, 3, 2, 5, 2, 5, 20_000, 50_000, 1_000, 5_000, 100_000),
    QUICK(1, 2, 1, 3, 1, 3, 5_000, 10_000, 300, 1_000, 50_000),
    SMOKE(0, 0, 0, 1, 0, 1, 100, 200, 5, 20, 2_000);

    final int forks;
    final int warmups;
    final int warmupSeconds;
    final int measurements;
    final int startupRuns;
    final int measurementSeconds;
    final int memoryWarmUp;
    final int memoryCases;
    final int postgresWarmUp;
    final int postgresCases;
    final int heapCases;

    Depth(int forks, int warmups, int warmupSeconds, int measurements, int startupRuns,
        int measurementSeconds, int memoryWarmUp, int memoryCases, int postgresWarmUp,
        int postgresCases, int heapCases) {
      this.forks = forks;
      this.warmups = warmups;
      this.warmupSeconds = warmupSeconds;
      this.measurements = measurements;
      this.startupRuns = startupRuns;
      this.measurementSeconds = measurementSeconds;
      this.memoryWarmUp = memoryWarmUp;
      this.memoryCases = memoryCases;
      this.postgresWarmUp = postgresWarmUp;
      this.postgresCases = postgresCases;
      this.heapCases = heapCases;
    }
  }

  /**
   * Runs from the command line; exits 1 if the cross-check fails, 2 on bad arguments.
   *
   * @param args see the class comment
   * @throws Exception if a benchmark cannot run
   */
  public static void main(String[] args) throws Exception {
    Depth depth = Depth.FULL;
    Path out = Path.of("bench-results");
    String only = ".*";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> depth = Depth.QUICK;
        case "--smoke" -> depth = Depth.SMOKE;
        case "--out" -> out = Path.of(args[++i]);
        case "--only" -> only = args[++i];
        default -> {
          System.err.println("returns-bench: unknown argument " + args[i]
              + "; use [--quick|--smoke] [--out DIR] [--only REGEX]");
          System.exit(2);
        }
      }
    }
    try {
      run(depth, out, only, System.out);
    } catch (IllegalStateException crossCheckFailed) {
      System.err.println("returns-bench: " + crossCheckFailed.getMessage());
      System.exit(1);
    }
  }

  /**
   * Runs everything at a depth and writes the results.
   *
   * @param depth how long to measure
   * @param out the directory for jmh-result.json, jmh-output.txt and summary.md
   * @param only a regular expression of benchmarks to run
   * @param console where progress goes
   * @return the summary written
   * @throws IOException if the results cannot be written
   * @throws RunnerException if JMH fails
   * @throws InterruptedException if interrupted
   * @throws IllegalStateException if the engines do not decide alike
   */
  static String run(Depth depth, Path out, String only, PrintStream console)
      throws IOException, RunnerException, InterruptedException {
    Files.createDirectories(out);
    Summary summary = new Summary(depth.name().toLowerCase(Locale.ROOT), LocalDate.now(
        ZoneOffset.UTC));

    console.println("Cross-check: the four engines on 10,000 generated cases...");
    int crossCheckCases = depth == Depth.SMOKE ? 2_000 : 10_000;
    CrossCheck.Result check = CrossCheck.run(CaseGenerator.generate(crossCheckCases, 2026), 100);
    summary.crossCheck(check);
    console.printf(Locale.ROOT, "  %,d cases decided alike; %d rules fired%n", check.cases(),
        check.rulesFired());

    console.println("Start-up: fresh JVMs to the first decision...");
    List<StartupProbe.Result> startup = new ArrayList<>();
    for (String mode : List.of("precompiled", "appcds", "drl")) {
      startup.add(StartupProbe.measure(mode, Math.max(1, depth.startupRuns * 2 + 1)));
    }
    summary.startup(startup);

    console.println("Lifecycle: per-command latency and heap...");
    List<LifecycleProbe.Result> lifecycle = List.of(
        LifecycleProbe.measure(LifecycleShop.Store.MEMORY, depth.memoryWarmUp,
            depth.memoryCases),
        LifecycleProbe.measure(LifecycleShop.Store.POSTGRES, depth.postgresWarmUp,
            depth.postgresCases));
    summary.lifecycle(lifecycle, LifecycleProbe.heapPer100k(depth.heapCases));

    console.println("JMH benchmarks...");
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include("dev\\.returnkit\\.bench\\.jmh\\." + only)
        .forks(depth.forks)
        .warmupIterations(depth.warmups)
        .warmupTime(TimeValue.seconds(depth.warmupSeconds))
        .measurementIterations(depth.measurements)
        .measurementTime(depth == Depth.SMOKE ? TimeValue.milliseconds(100)
            : TimeValue.seconds(depth.measurementSeconds))
        .resultFormat(ResultFormatType.JSON)
        .result(out.resolve("jmh-result.json").toString())
        .output(out.resolve("jmh-output.txt").toString());
    if (depth == Depth.SMOKE) {
      // One of each benchmark, small: proves they run, measures nothing.
      options.param("batch", "100").param("addedRules", "100")
          .param("store", "MEMORY", "POSTGRES");
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    summary.jmh(results);

    String text = summary.markdown();
    Files.writeString(out.resolve("summary.md"), text, StandardCharsets.UTF_8);
    console.println("Results: " + out.toAbsolutePath());
    return text;
  }
}
