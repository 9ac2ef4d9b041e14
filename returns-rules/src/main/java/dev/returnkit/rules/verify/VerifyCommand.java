package dev.returnkit.rules.verify;

import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.InvalidRuleSetException;
import dev.returnkit.rules.RuleProblem;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
   * @param scenarioFile a scenario file, run after returnkit's built-in cases, or {@code null}
   *     for the built-in cases only
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
    DroolsPolicies policies;
    try {
      policies = build(rulesDirectory, settingsFile);
    } catch (InvalidRuleSetException e) {
      printProblems(out, "The rules do not build", e.problems());
      return BROKEN;
    }
    List<Scenario> scenarios;
    try {
      scenarios = new ArrayList<>();
      if (scenarioFile == null || !onlyTheFile) {
        // The built-in cases cover every default rule and setting: a policy owner's own cases
        // add to them, so a change that breaks a default case still shows.
        scenarios.addAll(ScenarioFile.defaults());
      }
      if (scenarioFile != null) {
        scenarios.addAll(ScenarioFile.load(scenarioFile));
      }
    } catch (InvalidScenarioFileException e) {
      printProblems(out, "The scenario file cannot be read", e.problems());
      return BROKEN;
    } catch (UncheckedIOException e) {
      out.println("The scenario file cannot be read: " + e.getMessage());
      return BROKEN;
    }
    VerificationReport report = PolicyVerifier.verify(policies, scenarios);
    String rendered = report.render();
    int firstLine = rendered.indexOf('\n') + 1;
    // Under the rule set's line: which settings files apply, and what in them looks wrong.
    out.print(rendered.substring(0, firstLine));
    out.println(settingsOrder(rulesDirectory, settingsFile));
    if (!policies.warnings().isEmpty()) {
      printProblems(out, "Warnings", policies.warnings());
    }
    out.print(rendered.substring(firstLine));
    return report.allPassed() ? PASSED : FAILED;
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
