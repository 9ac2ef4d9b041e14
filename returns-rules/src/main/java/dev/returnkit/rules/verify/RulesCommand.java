package dev.returnkit.rules.verify;

import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.InvalidRuleSetException;
import dev.returnkit.rules.RuleInForce;
import dev.returnkit.rules.RuleProblem;
import dev.returnkit.rules.settings.PolicySettings;
import dev.returnkit.rules.settings.SettingOrigin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code returnkit rules} does, without the command-line parsing: builds the rule set (the
 * defaults, or a rule directory over them, with an optional settings file) and lists every rule
 * in force (id, file and line, decision, and whether it is a default, replaced, added, disabled
 * or removed), then every setting with its value and the file and line it came from.
 */
public final class RulesCommand {

  /** The rules built. */
  public static final int BUILT = 0;
  /** The rules or settings could not be read or built. */
  public static final int BROKEN = 2;

  private RulesCommand() {}

  /**
   * Lists the rules and settings in force.
   *
   * @param rulesDirectory a rule directory over the defaults, or {@code null}
   * @param settingsFile a settings file, or {@code null}
   * @param out where the lists are printed
   * @return {@link #BUILT} or {@link #BROKEN}
   */
  public static int run(Path rulesDirectory, Path settingsFile, PrintStream out) {
    DroolsPolicies policies;
    try {
      policies = VerifyCommand.build(rulesDirectory, settingsFile);
    } catch (InvalidRuleSetException e) {
      VerifyCommand.printProblems(out, "The rules do not build", e.problems());
      return BROKEN;
    }
    out.println("Rule set: " + policies.description());
    out.println();
    List<String[]> rules = new ArrayList<>();
    rules.add(new String[] {"rule", "where", "decides", "status"});
    for (RuleInForce rule : policies.rules()) {
      rules.add(new String[] {rule.id(), rule.file() + ":" + rule.line(), rule.decision(),
          rule.status().name().toLowerCase(Locale.ROOT)});
    }
    printTable(out, rules);
    out.println();
    out.println(VerifyCommand.settingsOrder(rulesDirectory, settingsFile));
    List<String[]> settings = new ArrayList<>();
    settings.add(new String[] {"setting", "value", "from"});
    PolicySettings current = policies.settings();
    for (Map.Entry<String, String> setting : current.asMap().entrySet()) {
      String from = current.origin(setting.getKey()).map(RulesCommand::where).orElse("");
      settings.add(new String[] {setting.getKey(), setting.getValue(), from});
    }
    printTable(out, settings);
    if (!policies.warnings().isEmpty()) {
      out.println();
      out.println("Warnings (" + policies.warnings().size() + "):");
      for (RuleProblem warning : policies.warnings()) {
        out.println("  " + warning);
      }
    }
    return BUILT;
  }

  private static String where(SettingOrigin origin) {
    return origin.isDefault() ? "returnkit's defaults" : origin.toString();
  }

  private static void printTable(PrintStream out, List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < row.length; i++) {
        line.append(i < row.length - 1 ? String.format(Locale.ROOT, "%-" + widths[i] + "s  ",
            row[i]) : row[i]);
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
