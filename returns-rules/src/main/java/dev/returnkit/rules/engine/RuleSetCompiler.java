package dev.returnkit.rules.engine;

import dev.returnkit.rules.InvalidRuleSetException;
import dev.returnkit.rules.RuleProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles DRL sources into a KieBase at run time (the executable model, as at build time), and
 * turns everything that can go wrong into {@link RuleProblem}s a policy owner can act on: the
 * DRL file and line, not Drools' generated Java.
 *
 * <p>Each build gets its own release id: Drools keys built projects by it, and a shared id would
 * let one rule set replace another's in the same JVM. Thread-safe.
 */
public final class RuleSetCompiler {

  private static final AtomicLong BUILDS = new AtomicLong();
  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)");
  private static final Pattern RULE =
      Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|([^\\s\"']+))");
  private static final Pattern IDENTIFIER = Pattern.compile(
      "(?:method|field|variable|type)\\s+(\\w+)|(\\w+)\\s+cannot be resolved|'(\\w+)'");
  private static final Pattern EXPRESSION = Pattern.compile("expression:\\s*(.+)$");

  private RuleSetCompiler() {}

  /**
   * Builds a KieBase from DRL sources.
   *
   * <p>Put the files a host changed (replaced or added) last: a rule name used twice is then
   * reported at the changed file, and an error Drools reports in its generated Java is traced to
   * a changed file before an untouched default.
   *
   * @param sources DRL text by logical path (e.g. {@code com/acme/returns/window.drl}), the
   *     host's changed files last
   * @return the KieBase
   * @throws InvalidRuleSetException listing every problem, if any file does not compile or a
   *     rule name is used twice in a package
   */
  public static KieBase compile(Map<String, String> sources) {
    KieServices kie = KieServices.get();
    return compile(sources, kie.newReleaseId("dev.returnkit.runtime",
        "rules-" + BUILDS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime()),
        "1.0.0"));
  }

  /**
   * Builds a KieBase under a given release id (for tests that look at Drools' repository).
   *
   * @param sources DRL text by logical path, changed files last
   * @param releaseId the id to build under; it is unknown to Drools again afterwards
   * @return the KieBase
   */
  static KieBase compile(Map<String, String> sources, ReleaseId releaseId) {
    List<RuleProblem> problems = new ArrayList<>(missingPackages(sources));
    problems.addAll(duplicateRuleNames(sources));
    if (!problems.isEmpty()) {
      throw new InvalidRuleSetException(problems);
    }
    KieServices kie = KieServices.get();
    KieFileSystem files = kie.newKieFileSystem();
    files.generateAndWritePomXML(releaseId);
    sources.forEach((path, text) -> files.write("src/main/resources/" + path, text));
    KieBuilder builder = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
    for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
      problemOf(message, sources)
          .map(problem -> RuleProblemWords.explain(problem, sources)).ifPresent(problems::add);
    }
    if (!problems.isEmpty() || builder.getResults().hasMessages(Message.Level.ERROR)) {
      kie.getRepository().removeKieModule(releaseId);
      if (problems.isEmpty()) {
        problems.add(new RuleProblem("(rules)", 0, "Drools could not build the rules"));
      }
      throw new InvalidRuleSetException(List.copyOf(new LinkedHashSet<>(problems)));
    }
    KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
    // Drools keeps every built module in a JVM-wide repository; each rebuild or reload would
    // leave one behind (about 3 MB each, measured). The KieBase needs none of it any more.
    kie.getRepository().removeKieModule(releaseId);
    return kieBase;
  }

  /**
   * Finds rule files without a package line. Drools accepts them, in a package of no name, so
   * their rules would get ids like {@code /luxury-review} and share nothing with the decision's
   * folder; the line to write is named instead.
   *
   * @param sources DRL text by logical path
   * @return one problem per file without a package line
   */
  static List<RuleProblem> missingPackages(Map<String, String> sources) {
    List<RuleProblem> problems = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      boolean hasPackage = withoutComments(source.getValue()).lines()
          .anyMatch(line -> PACKAGE.matcher(line).find());
      if (!hasPackage) {
        problems.add(new RuleProblem(source.getKey(), 1, "the file has no package line: start "
            + "it with 'package " + packageFor(source.getKey()) + ";' (the decision's folder), "
            + "then its import lines"));
      }
    }
    return problems;
  }

  /** The package a file at a logical path belongs in: its folder, below returnkit's rules. */
  private static String packageFor(String path) {
    int slash = path.lastIndexOf('/');
    String folder = slash < 0 ? "" : path.substring(0, slash);
    String pkg = folder.replace('/', '.');
    return pkg.startsWith("dev.returnkit.rules") || pkg.contains(".") ? pkg
        : "dev.returnkit.rules" + (pkg.isEmpty() ? "" : "." + pkg);
  }

  /**
   * Finds rule names used twice in one package, across all files. Drools would let the later
   * one silently replace the earlier; here that is an error, reported before anything runs.
   *
   * @param sources DRL text by logical path
   * @return one problem per repeated name, at its second definition
   */
  public static List<RuleProblem> duplicateRuleNames(Map<String, String> sources) {
    List<RuleProblem> problems = new ArrayList<>();
    Map<String, String> firstDefinition = new HashMap<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      for (WrittenRule rule : rulesWritten(source.getValue())) {
        String here = source.getKey() + ":" + rule.line();
        String first = firstDefinition.putIfAbsent(rule.packageName() + "/" + rule.name(),
            here);
        if (first != null) {
          problems.add(new RuleProblem(source.getKey(), rule.line(), "rule '" + rule.name()
              + "' is already defined in package " + rule.packageName() + " at " + first
              + "; rule names must be unique in a package"));
        }
      }
    }
    return problems;
  }

  /**
   * A rule as written in a DRL text.
   *
   * @param packageName the package it is in ("" before any package line)
   * @param name its name
   * @param line the line its {@code rule} keyword is on
   */
  record WrittenRule(String packageName, String name, int line) {}

  /** The rules a DRL text defines, outside comments, with their packages and lines. */
  static List<WrittenRule> rulesWritten(String drl) {
    List<WrittenRule> rules = new ArrayList<>();
    String pkg = "";
    String[] lines = withoutComments(drl).split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher packageLine = PACKAGE.matcher(lines[i]);
      if (packageLine.find()) {
        pkg = packageLine.group(1);
        continue;
      }
      Matcher ruleLine = RULE.matcher(lines[i]);
      if (ruleLine.find()) {
        String name = ruleLine.group(1) != null ? ruleLine.group(1)
            : ruleLine.group(2) != null ? ruleLine.group(2) : ruleLine.group(3);
        rules.add(new WrittenRule(pkg, name, i + 1));
      }
    }
    return rules;
  }

  /**
   * The text with every comment blanked out, line breaks kept, so a commented-out rule is not
   * taken for a rule and line numbers stay right. Strings are left alone.
   */
  static String withoutComments(String drl) {
    StringBuilder text = new StringBuilder(drl.length());
    boolean inBlock = false;
    boolean inLine = false;
    boolean inString = false;
    for (int i = 0; i < drl.length(); i++) {
      char c = drl.charAt(i);
      char next = i + 1 < drl.length() ? drl.charAt(i + 1) : '\0';
      if (inBlock) {
        if (c == '*' && next == '/') {
          inBlock = false;
          text.append("  ");
          i++;
        } else {
          text.append(c == '\n' ? '\n' : ' ');
        }
      } else if (inLine) {
        if (c == '\n') {
          inLine = false;
          text.append('\n');
        } else {
          text.append(' ');
        }
      } else if (inString) {
        text.append(c);
        if (c == '\\' && next != '\0') {
          text.append(next);
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '/' && next == '*') {
        inBlock = true;
        text.append("  ");
        i++;
      } else if (c == '/' && next == '/') {
        inLine = true;
        text.append("  ");
        i++;
      } else {
        inString = c == '"';
        text.append(c);
      }
    }
    return text.toString();
  }

  /** Turns a Drools message into a problem located in a DRL file, where that can be worked out. */
  private static Optional<RuleProblem> problemOf(Message message,
      Map<String, String> sources) {
    String text = message.getText() == null ? "" : message.getText().strip();
    // Follow-up noise that repeats what the real messages already say.
    if (text.startsWith("Java source of") || text.equals("Parser returned a null Package")) {
      return Optional.empty();
    }
    String path = message.getPath() == null ? "" : message.getPath();
    String firstLine = text.lines().findFirst().orElse(text);
    if (sources.containsKey(path)) {
      int line = message.getLine() > 0 ? message.getLine() : lineOf(sources.get(path), text);
      return Optional.of(new RuleProblem(path, line, firstLine));
    }
    // An error in the Java Drools generated from a rule: find the DRL that mentions the name.
    // The host's changed files come last in the map: look there first, so an error is not
    // blamed on an untouched default that happens to use the same name.
    String culprit = identifierIn(text);
    if (culprit != null) {
      List<Map.Entry<String, String>> newestFirst = new ArrayList<>(sources.entrySet());
      Collections.reverse(newestFirst);
      for (Map.Entry<String, String> source : newestFirst) {
        int line = lineContaining(withoutComments(source.getValue()), culprit);
        if (line > 0) {
          return Optional.of(new RuleProblem(source.getKey(), line, firstLine));
        }
      }
    }
    return Optional.of(new RuleProblem("(rules)", 0, firstLine));
  }

  /** The line of a file a message's quoted expression is on, or 0. */
  private static int lineOf(String source, String message) {
    Matcher expression = EXPRESSION.matcher(message.lines().findFirst().orElse(""));
    if (expression.find()) {
      return lineContaining(source, expression.group(1).strip());
    }
    return 0;
  }

  private static String identifierIn(String message) {
    Matcher matcher = IDENTIFIER.matcher(message);
    while (matcher.find()) {
      for (int group = 1; group <= matcher.groupCount(); group++) {
        if (matcher.group(group) != null && !Set.of("the", "type").contains(matcher.group(group))) {
          return matcher.group(group);
        }
      }
    }
    return null;
  }

  private static int lineContaining(String source, String needle) {
    String[] lines = source.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    return 0;
  }
}
