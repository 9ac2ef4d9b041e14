package dev.returnkit.bench;

import dev.returnkit.bench.decision.CrossCheck;
import dev.returnkit.bench.lifecycle.LifecycleShop.Command;
import dev.returnkit.bench.probe.LifecycleProbe;
import dev.returnkit.bench.probe.StartupProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The Markdown summary of one benchmark run: the machine, the JVM, the settings, the date, and
 * a table per question with the figures it needs (case decisions per second are JMH's
 * operations per second times the batch; ratios are between results of the same run), each
 * target marked met or missed. Not thread-safe.
 */
final class Summary {

  private final String depth;
  private final LocalDate date;
  private final StringBuilder body = new StringBuilder();
  private final List<String> targets = new ArrayList<>();

  Summary(String depth, LocalDate date) {
    this.depth = depth;
    this.date = date;
  }

  void crossCheck(CrossCheck.Result result) {
    body.append(String.format(Locale.ROOT, "## Cross-check%n%nDrools, plain Java (behind the "
        + "glue and lean) and Easy Rules decided %,d generated cases alike (all four decisions, "
        + "every amount, reason code and rule); %d default rules fired on them.%n%n",
        result.cases(), result.rulesFired()));
  }

  void startup(List<StartupProbe.Result> results) {
    body.append(String.format("## Start-up: JVM start to the first decision%n%n"
        + "| rules | JVMs | median | fastest | slowest | heap held by the rules |%n"
        + "|---|---:|---:|---:|---:|---:|%n"));
    for (StartupProbe.Result r : results) {
      body.append(String.format(Locale.ROOT, "| %s | %d | %d ms | %d ms | %d ms | %.1f MB |%n",
          switch (r.mode()) {
            case "drl" -> "compiled from DRL at start";
            case "appcds" -> "precompiled, with an AppCDS archive";
            default -> "precompiled (shipped)";
          },
          r.runs(), r.medianMillis(), r.minMillis(), r.maxMillis(),
          r.heapBytes() / 1e6));
      if (!r.mode().equals("drl")) {
        target("first decision at most 400 ms after JVM start (" + r.mode() + ")",
            r.medianMillis() <= 400, r.medianMillis() + " ms");
      }
    }
    body.append('\n');
  }

  void lifecycle(List<LifecycleProbe.Result> results, long heapPer100k) {
    body.append(String.format("## Lifecycle: latency per facade command%n%n"
        + "One return from request to completed refund: eight commands, timed one by one "
        + "after a warm-up.%n%n| command |"));
    for (LifecycleProbe.Result r : results) {
      body.append(String.format(" %s p50 | %s p99 |", name(r.store()), name(r.store())));
    }
    body.append(String.format("%n|---|%s%n", "---:|---:|".repeat(results.size())));
    for (Command command : Command.values()) {
      body.append("| ").append(command.name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .append(" |");
      for (LifecycleProbe.Result r : results) {
        body.append(String.format(Locale.ROOT, " %.0f µs | %.0f µs |",
            r.p50Micros().get(command), r.p99Micros().get(command)));
      }
      body.append('\n');
    }
    body.append('\n');
    for (LifecycleProbe.Result r : results) {
      body.append(String.format(Locale.ROOT, "- %s: %,d cases timed, %,.0f cases/s in this "
          + "probe, %.1f saves (transactions) per case.%n", name(r.store()), r.cases(),
          r.casesPerSecond(), r.savesPerCase()));
    }
    body.append(String.format(Locale.ROOT, "- Heap held per 100,000 completed cases in memory "
        + "(cases, histories, events, orders, payments, notifications of the in-memory "
        + "adapters): %.0f MB.%n%n", heapPer100k / 1e6));
  }

  void jmh(Collection<RunResult> results) {
    body.append(String.format("## JMH results%n%n"));
    decisions(results);
    single(results);
    growth(results);
    lifecycleThroughput(results);
    historyHash(results);
    ruleRun(results);
  }

  private void ruleRun(Collection<RunResult> results) {
    List<RunResult> rows = of(results, "RuleRunBenchmark");
    if (rows.isEmpty()) {
      return;
    }
    body.append(String.format("### A rule run that decides nothing%n%n"
        + "What a Drools decision costs before its facts: subtract it from a decision's time."
        + "%n%n| part | µs | ± (99.9%%) |%n|---|---:|---:|%n"));
    for (RunResult r : rows) {
      Result<?> p = r.getPrimaryResult();
      String method = r.getParams().getBenchmark();
      body.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n",
          method.endsWith("emptyRun") ? "the default rules run over no facts"
              : "a pooled session taken and handed back",
          p.getScore(), p.getScoreError()));
    }
    body.append('\n');
  }

  private void historyHash(Collection<RunResult> results) {
    List<RunResult> rows = of(results, "HistoryHashBenchmark");
    if (rows.isEmpty()) {
      return;
    }
    body.append(String.format("### Hashing one history entry%n%n"
        + "| text | way | ns per entry | ± (99.9%%) |%n|---|---|---:|---:|%n"));
    for (RunResult r : rows) {
      Result<?> p = r.getPrimaryResult();
      String method = r.getParams().getBenchmark();
      body.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f |%n",
          r.getParams().getParam("text"), method.substring(method.lastIndexOf('.') + 1),
          p.getScore(), p.getScoreError()));
    }
    body.append('\n');
  }

  private void decisions(Collection<RunResult> results) {
    List<RunResult> rows = of(results, "DecisionBenchmark");
    if (rows.isEmpty()) {
      return;
    }
    body.append(String.format("### Decisions: all four for each case, in batches%n%n"
        + "| engine | threads | batch | case decisions/s | ± (99.9%%) |%n"
        + "|---|---:|---:|---:|---:|%n"));
    for (RunResult r : rows) {
      int batch = Integer.parseInt(r.getParams().getParam("batch"));
      Result<?> p = r.getPrimaryResult();
      body.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,.0f | %,.0f |%n",
          r.getParams().getParam("engine"), r.getParams().getThreads(), batch,
          p.getScore() * batch, p.getScoreError() * batch));
    }
    body.append('\n');
    for (String batch : List.of("1", "100", "10000")) {
      Optional<Double> drools = casesPerSecond(rows, "DROOLS", batch, 1);
      Optional<Double> java = casesPerSecond(rows, "JAVA", batch, 1);
      Optional<Double> lean = casesPerSecond(rows, "LEAN", batch, 1);
      Optional<Double> easy = casesPerSecond(rows, "EASY_RULES", batch, 1);
      if (drools.isEmpty() || java.isEmpty() || lean.isEmpty() || easy.isEmpty()) {
        continue;
      }
      // Time per case: the glue is what plain Java behind returnkit's glue costs over the lean
      // floor, the same policy with no glue; its share is of a Drools decision's time.
      double glueShare = (1 / java.get() - 1 / lean.get()) / (1 / drools.get());
      body.append(String.format(Locale.ROOT, "- batch %s, one thread: the lean floor is %.1fx "
          + "Drools and plain Java behind the glue %.1fx; the glue is %.0f %% of a Drools "
          + "decision; Drools is %.2fx Easy Rules.%n", batch, lean.get() / drools.get(),
          java.get() / drools.get(), glueShare * 100, drools.get() / easy.get()));
      if (!batch.equals("1")) {
        target("Drools at least level with Easy Rules (batch " + batch + ")",
            drools.get() >= easy.get(), String.format(Locale.ROOT, "%.2fx",
                drools.get() / easy.get()));
      }
      if (batch.equals("100")) {
        target("rule glue at most 20 % of a Drools decision (batch 100)", glueShare <= 0.2,
            String.format(Locale.ROOT, "%.0f %%", glueShare * 100));
      }
    }
    Optional<Double> one = casesPerSecond(rows, "DROOLS", "10000", 1);
    Optional<Double> two = casesPerSecond(rows, "DROOLS", "10000", 2);
    if (one.isPresent() && two.isPresent()) {
      body.append(String.format(Locale.ROOT, "- Drools, batch 10,000: two threads are %.2fx "
          + "one.%n", two.get() / one.get()));
      target("batch 10,000 at least 60,000 case decisions/s on 2 threads (Drools)",
          two.get() >= 60_000, String.format(Locale.ROOT, "%,.0f cases/s", two.get()));
    }
    body.append('\n');
  }

  private void single(Collection<RunResult> results) {
    List<RunResult> rows = of(results, "SingleDecisionBenchmark");
    if (rows.isEmpty()) {
      return;
    }
    body.append(String.format("### One eligibility decision, as a request sees it%n%n"
        + "| engine | p50 | p90 | p99 | samples |%n|---|---:|---:|---:|---:|%n"));
    for (RunResult r : rows) {
      var stats = r.getPrimaryResult().getStatistics();
      body.append(String.format(Locale.ROOT, "| %s | %.1f µs | %.1f µs | %.1f µs | %,d |%n",
          r.getParams().getParam("engine"), stats.getPercentile(50), stats.getPercentile(90),
          stats.getPercentile(99), stats.getN()));
      if (r.getParams().getParam("engine").equals("DROOLS")) {
        target("single eligibility decision p50 at most 10 µs", stats.getPercentile(50) <= 10,
            String.format(Locale.ROOT, "%.1f µs", stats.getPercentile(50)));
      }
    }
    body.append('\n');
  }

  private void growth(Collection<RunResult> results) {
    List<RunResult> rows = of(results, "RuleGrowthBenchmark");
    if (rows.isEmpty()) {
      return;
    }
    body.append(String.format("### Eligibility on Drools as the rule set grows%n%n"
        + "| rules added | batch | decisions/s | ± (99.9%%) |%n|---:|---:|---:|---:|%n"));
    for (RunResult r : rows) {
      int batch = Integer.parseInt(r.getParams().getParam("batch"));
      Result<?> p = r.getPrimaryResult();
      body.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %,.0f |%n",
          r.getParams().getParam("addedRules"), batch, p.getScore() * batch,
          p.getScoreError() * batch));
    }
    body.append('\n');
  }

  private void lifecycleThroughput(Collection<RunResult> results) {
    List<RunResult> rows = of(results, "LifecycleBenchmark");
    if (rows.isEmpty()) {
      return;
    }
    body.append(String.format("### Whole returns per second, request to completion%n%n"
        + "| store | threads | cases/s | ± (99.9%%) |%n|---|---:|---:|---:|%n"));
    for (RunResult r : rows) {
      Result<?> p = r.getPrimaryResult();
      String store = r.getParams().getParam("store");
      int threads = r.getParams().getThreads();
      body.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f |%n", store, threads,
          p.getScore(), p.getScoreError()));
      if (store.equals("MEMORY") && threads == 2) {
        target("in-memory lifecycle at least 20,000 cases/s on 2 threads",
            p.getScore() >= 20_000, String.format(Locale.ROOT, "%,.0f cases/s", p.getScore()));
      }
    }
    body.append('\n');
  }

  String markdown() {
    StringBuilder text = new StringBuilder();
    text.append(String.format("# returns-bench results (%s run, %s)%n%n", depth, date));
    text.append(String.format(Locale.ROOT, "- Machine: %d cores (%s), %s RAM, %s %s%n",
        Runtime.getRuntime().availableProcessors(), cpuModel(), memory(),
        System.getProperty("os.name"), System.getProperty("os.version")));
    text.append(String.format("- JVM: %s %s (%s), default flags%n",
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        System.getProperty("java.vendor")));
    text.append(String.format("- Settings: see jmh-output.txt beside this file for forks, "
        + "warm-up and measurement iterations of each benchmark%n%n"));
    text.append("## Targets\n\n| target | measured | met |\n|---|---:|---|\n");
    for (String target : targets) {
      text.append(target).append('\n');
    }
    text.append('\n').append(body);
    return text.toString();
  }

  private void target(String what, boolean met, String measured) {
    targets.add("| " + what + " | " + measured + " | " + (met ? "yes" : "**no**") + " |");
  }

  private static Optional<Double> casesPerSecond(List<RunResult> rows, String engine,
      String batch, int threads) {
    return rows.stream().filter(r -> r.getParams().getParam("engine").equals(engine)
            && r.getParams().getParam("batch").equals(batch)
            && r.getParams().getThreads() == threads)
        .map(r -> r.getPrimaryResult().getScore() * Integer.parseInt(batch)).findFirst();
  }

  private static List<RunResult> of(Collection<RunResult> results, String benchmark) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().contains("." + benchmark + "."))
        .toList();
  }

  private static String name(Object store) {
    return store.toString().toLowerCase(Locale.ROOT).equals("memory") ? "in memory"
        : "PostgreSQL";
  }

  private static String cpuModel() {
    return firstLine(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
  }

  private static String memory() {
    return firstLine(Path.of("/proc/meminfo"), "MemTotal")
        .map(kb -> String.format(Locale.ROOT, "%.0f GiB",
            Long.parseLong(kb.replaceAll("\\D", "")) / 1024.0 / 1024.0))
        .orElse("unknown");
  }

  private static Optional<String> firstLine(Path file, String key) {
    try {
      return Files.readAllLines(file).stream().filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
