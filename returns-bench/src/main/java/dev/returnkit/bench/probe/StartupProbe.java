package dev.returnkit.bench.probe;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures JVM start to first decision, and the heap a loaded rule set holds, by starting
 * fresh JVMs running {@link FirstDecision}: JMH measures inside a running JVM, which is the
 * wrong place to measure its start.
 *
 * <p>Modes: {@code precompiled} (the shipped rules), {@code drl} (the same compiled at start),
 * and {@code appcds}: the shipped rules with a dynamic AppCDS archive, the recipe of
 * docs/benchmarks.md. For it one untimed training JVM writes the archive at exit
 * ({@code -XX:ArchiveClassesAtExit}), and the timed JVMs map it
 * ({@code -XX:SharedArchiveFile}), so the classes they load are already parsed and verified.
 */
public final class StartupProbe {

  private static final Pattern LINE =
      Pattern.compile("firstDecisionMillis=(\\d+) heapBytes=(-?\\d+) verdict=(\\w+)");

  private StartupProbe() {}

  /**
   * The medians of some runs.
   *
   * @param mode {@code precompiled}, {@code drl} or {@code appcds}
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
   * @param mode {@code precompiled}, {@code drl} or {@code appcds}
   * @param runs how many
   * @return the medians
   * @throws IOException if a JVM cannot be started
   * @throws InterruptedException if interrupted while waiting
   */
  public static Result measure(String mode, int runs) throws IOException, InterruptedException {
    List<Long> millis = new ArrayList<>();
    List<Long> heap = new ArrayList<>();
    List<String> options = new ArrayList<>();
    String rules = mode;
    String classPath = System.getProperty("java.class.path");
    Path archive = null;
    if (mode.equals("appcds")) {
      rules = "precompiled";
      Path work = Files.createTempDirectory("returnkit-cds");
      archive = work.resolve("first-decision.jsa");
      classPath = jarsOnly(classPath, work);
      run(jvm(List.of("-XX:ArchiveClassesAtExit=" + archive), classPath, rules, false), mode);
      options.add("-XX:SharedArchiveFile=" + archive);
      // A JVM that cannot map the archive runs without it, silently: refuse that instead.
      options.add("-Xshare:on");
    }
    // The timed runs, then one more that measures the heap (and whose time is not counted).
    for (int i = 0; i <= runs; i++) {
      boolean heapRun = i == runs;
      Matcher m = run(jvm(options, classPath, rules, heapRun), mode);
      if (heapRun) {
        heap.add(Long.parseLong(m.group(2)));
      } else {
        millis.add(Long.parseLong(m.group(1)));
      }
    }
    if (archive != null) {
      try (var files = Files.walk(archive.getParent())) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    Collections.sort(millis);
    return new Result(mode, runs, millis.get(runs / 2), millis.get(0), millis.get(runs - 1),
        heap.get(0));
  }

  private static List<String> jvm(List<String> options, String classPath, String rules,
      boolean heapRun) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(List.of("-cp", classPath, FirstDecision.class.getName(), rules));
    if (heapRun) {
      command.add("heap");
    }
    return command;
  }

  /**
   * The class path with each directory replaced by a jar of it: the JVM archives classes
   * only from jars (run from the build's classes, as the tests do, the path has directories).
   */
  private static String jarsOnly(String classPath, Path work) throws IOException {
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : classPath.split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (!Files.isDirectory(path)) {
        entries.add(entry);
        continue;
      }
      Path jar = work.resolve("classes-" + n++ + ".jar");
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
          var files = Files.walk(path)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          out.putNextEntry(new JarEntry(path.relativize(file).toString()
              .replace(File.separatorChar, '/')));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
      entries.add(jar.toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Runs one probe JVM and returns its figures' line, matched. */
  private static Matcher run(List<String> command, String mode)
      throws IOException, InterruptedException {
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
    return m;
  }
}
