package dev.returnkit.rules.verify;

import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.InvalidRuleSetException;
import dev.returnkit.rules.RuleProblem;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code returnkit verify} does, without the command-line parsing: builds the rule set
 * (the defaults, or a rule directory over them, with optional settings), runs the scenarios
 * (returnkit's worked cases, or a file), prints the table, and says how it went as an exit code.
 */
public final class VerifyCommand {

  /** Every case passed. */
  public static final int PASSED = 0;
  /** At least one case decided something else than expected. */
  public static final int FAILED = 1;
  /** The rules, the settings or the scenario file could not be read or built. */
  public static final int BROKEN = 2;

  private VerifyCommand() {}

  /**
   * Verifies a rule set against scenarios.
   *
   * @param rulesDirectory a rule directory over the defaults, or {@code null} for the defaults
   * @param settingsFile a settings file overriding the defaults, or {@code null}
   * @param scenarioFile a scenario file, run after returnkit's built-in cases (a case named like
   *     a built-in one replaces it), or {@code null} for the built-in cases only
   * @param out where the table and problems are printed
   * @return {@link #PASSED}, {@link #FAILED} or {@link #BROKEN}
   */
  public static int run(Path rulesDirectory, Path settingsFile, Path scenarioFile,
      PrintStream out) {
    return run(rulesDirectory, settingsFile, scenarioFile, false, out);
  }

  /**
   * Verifies a rule set against scenarios, a file's only if asked.
   *
   * @param rulesDirectory a rule directory over the defaults, or {@code null} for the defaults
   * @param settingsFile a settings file overriding the defaults, or {@code null}
   * @param scenarioFile a scenario file, or {@code null} for returnkit's built-in cases
   * @param onlyTheFile whether to run the file's scenarios only, without the built-in ones
   * @param out where the table and problems are printed
   * @return {@link #PASSED}, {@link #FAILED} or {@link #BROKEN}
   */
  public static int run(Path rulesDirectory, Path settingsFile, Path scenarioFile,
      boolean onlyTheFile, PrintStream out) {
    return run(rulesDirectory, settingsFile, scenarioFile, onlyTheFile, ReportFormat.TABLE,
        out);
  }

  /**
   * Verifies a rule set against scenarios, printing the result in a format.
   *
   * @param rulesDirectory a rule directory over the defaults, or {@code null} for the defaults
   * @param settingsFile a settings file overriding the defaults, or {@code null}
   * @param scenarioFile a scenario file, or {@code null} for returnkit's built-in cases
   * @param onlyTheFile whether to run the file's scenarios only, without the built-in ones
   * @param format how the cases are printed; problems that stop the run are printed as text
   * @param out where the cases and problems are printed
   * @return {@link #PASSED}, {@link #FAILED} or {@link #BROKEN}
   */
  public static int run(Path rulesDirectory, Path settingsFile, Path scenarioFile,
      boolean onlyTheFile, ReportFormat format, PrintStream out) {
    DroolsPolicies policies;
    try {
      policies = build(rulesDirectory, settingsFile);
    } catch (InvalidRuleSetException e) {
      printProblems(out, "The rules do not build", e.problems());
      return BROKEN;
    }
    List<Scenario> scenarios;
    List<String> replaced = new ArrayList<>();
    try {
      List<Scenario> own = scenarioFile == null ? List.of() : ScenarioFile.load(scenarioFile);
      scenarios = onlyTheFile && scenarioFile != null ? own
          : withOwn(ScenarioFile.defaults(), own, replaced);
    } catch (InvalidScenarioFileException e) {
      printProblems(out, "The scenario file cannot be read", e.problems());
      return BROKEN;
    } catch (UncheckedIOException e) {
      out.println("The scenario file cannot be read: " + e.getMessage());
      return BROKEN;
    }
    VerificationReport report = PolicyVerifier.verify(policies, scenarios);
    if (format != ReportFormat.CSV) {
      // Above the cases: the rule set, which settings files apply, and what looks wrong in
      // them. CSV is only the rows, for a spreadsheet.
      out.println("Rule set: " + report.ruleSet());
      out.println(settingsOrder(rulesDirectory, settingsFile));
      if (!policies.warnings().isEmpty()) {
        printProblems(out, "Warnings", policies.warnings());
      }
      if (!replaced.isEmpty()) {
        out.println("Built-in cases your scenario file replaces: " + String.join(", ", replaced));
      }
    }
    out.print(report.cases(format));
    return report.allPassed() ? PASSED : FAILED;
  }

  /**
   * The built-in cases, then a policy owner's own. The built-in cases cover every default rule
   * and setting, so a change that breaks one still shows; an own case of the same name replaces
   * the built-in one where it stands (the policy owner changed that outcome on purpose).
   *
   * @param replaced receives the names of the built-in cases replaced
   */
  static List<Scenario> withOwn(List<Scenario> builtIn, List<Scenario> own,
      List<String> replaced) {
    Map<String, Scenario> byName = new LinkedHashMap<>();
    for (Scenario scenario : own) {
      byName.put(scenario.name(), scenario);
    }
    List<Scenario> all = new ArrayList<>();
    for (Scenario scenario : builtIn) {
      Scenario ours = byName.remove(scenario.name());
      if (ours != null) {
        replaced.add(scenario.name());
      }
      all.add(ours == null ? scenario : ours);
    }
    all.addAll(byName.values());
    return all;
  }

  /**
   * Which settings files apply, a later one winning, e.g. {@code Settings (a later file wins):
   * returnkit's defaults < rules/policy-settings.properties < ours.properties}.
   */
  static String settingsOrder(Path rulesDirectory, Path settingsFile) {
    StringBuilder order = new StringBuilder("Settings (a later file wins): returnkit's defaults");
    if (rulesDirectory != null) {
      Path inDirectory = rulesDirectory.resolve(DroolsPolicies.SETTINGS_FILE);
      if (Files.isRegularFile(inDirectory)) {
        order.append(" < ").append(inDirectory);
      }
    }
    if (settingsFile != null) {
      order.append(" < ").append(settingsFile);
    }
    return order.toString();
  }

  /** The defaults, with a rule directory and a settings file over them when given. */
  static DroolsPolicies build(Path rulesDirectory, Path settingsFile) {
    DroolsPolicies.Builder builder = DroolsPolicies.builder();
    if (rulesDirectory != null) {
      builder.directory(rulesDirectory);
    }
    if (settingsFile != null) {
      builder.settingsFile(settingsFile);
    }
    return builder.build();
  }

  static void printProblems(PrintStream out, String title, List<RuleProblem> problems) {
    String noun = title.equals("Warnings") ? " warning" : " problem";
    out.println(title + " (" + problems.size() + noun + (problems.size() == 1 ? "" : "s")
        + "):");
    for (RuleProblem problem : problems) {
      out.println("  " + problem);
    }
  }
}
