package dev.returnkit.bench.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures JVM start to first decision, and the heap a loaded rule set holds, by starting
 * fresh JVMs running {@link FirstDecision}: JMH measures inside a running JVM, which is the
 * wrong place to measure its start.
 */
public final class StartupProbe {

  private static final Pattern LINE =
      Pattern.compile("firstDecisionMillis=(\\d+) heapBytes=(-?\\d+) verdict=(\\w+)");

  private StartupProbe() {}

  /**
   * The medians of some runs.
   *
   * @param mode {@code precompiled} or {@code drl}
   * @param runs how many JVMs were started
   * @param medianMillis median time from JVM start to the first decision
   * @param minMillis the fastest run
   * @param maxMillis the slowest run
   * @param heapBytes heap held by the loaded rules (one more JVM, forcing GC around loading)
   */
  public record Result(String mode, int runs, long medianMillis, long minMillis, long maxMillis,
      long heapBytes) {}

  /**
   * Starts {@code runs} JVMs in a mode and collects their figures.
   *
   * @param mode {@code precompiled} or {@code drl}
   * @param runs how many
   * @return the medians
   * @throws IOException if a JVM cannot be started
   * @throws InterruptedException if interrupted while waiting
   */
  public static Result measure(String mode, int runs) throws IOException, InterruptedException {
    List<Long> millis = new ArrayList<>();
    List<Long> heap = new ArrayList<>();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The timed runs, then one more that measures the heap (and whose time is not counted).
    for (int i = 0; i <= runs; i++) {
      boolean heapRun = i == runs;
      List<String> command = new ArrayList<>(List.of(java, "-cp",
          System.getProperty("java.class.path"), FirstDecision.class.getName(), mode));
      if (heapRun) {
        command.add("heap");
      }
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String found = null;
      StringBuilder output = new StringBuilder();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(
          process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          output.append(line).append('\n');
          if (LINE.matcher(line).find()) {
            found = line;
          }
        }
      }
      int exit = process.waitFor();
      if (exit != 0 || found == null) {
        throw new IllegalStateException("the first-decision probe (" + mode + ") failed, exit "
            + exit + ":\n" + output);
      }
      Matcher m = LINE.matcher(found);
      m.find();
      if (heapRun) {
        heap.add(Long.parseLong(m.group(2)));
      } else {
        millis.add(Long.parseLong(m.group(1)));
      }
    }
    Collections.sort(millis);
    return new Result(mode, runs, millis.get(runs / 2), millis.get(0), millis.get(runs - 1),
        heap.get(0));
  }
}
