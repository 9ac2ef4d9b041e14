package dev.returnkit.examples.cli;

import dev.returnkit.examples.demo.Demo;
import dev.returnkit.examples.demo.DemoListener;
import dev.returnkit.examples.demo.DemoStorage;
import dev.returnkit.examples.demo.SimulationResult;
import dev.returnkit.examples.report.PolicyComparison;
import dev.returnkit.examples.report.ReportTable;
import dev.returnkit.examples.report.ReportWriter;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.InvalidRuleSetException;
import dev.returnkit.rules.RuleProblem;
import dev.returnkit.rules.verify.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code returnkit compare}: the what-if. The same generated month of returns (the demo's shop,
 * the same seed) runs under two policies, A and B, and the differences are printed: outcomes,
 * each change with example cases, money refunded and kept, review load, by category and reason.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"What a policy change does to a month of returns: runs the same generated "
        + "month (the demo's shop and seed) under policy A (the defaults unless --base-rules or "
        + "--base-settings say otherwise) and policy B (--rules, --settings), and prints what "
        + "differs.",
        "Exit code 0: compared; 2: a policy, an option or the output folder is wrong."})
final class CompareCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--base-rules", paramLabel = "DIR",
      description = "Policy A's rule directory over the default rules (default: none).")
  private Path baseRules;

  @Option(names = "--base-settings", paramLabel = "FILE",
      description = "Policy A's settings file (default: none).")
  private Path baseSettings;

  @Option(names = "--rules", paramLabel = "DIR",
      description = "Policy B's rule directory over the default rules.")
  private Path rules;

  @Option(names = "--settings", paramLabel = "FILE",
      description = "Policy B's settings file.")
  private Path settings;

  @Option(names = "--cases", paramLabel = "N", defaultValue = "1000",
      description = "Returns requested during the month, 1 to 200000 (default: ${DEFAULT-VALUE}).")
  private int cases;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "2026",
      description = "Seed of the generated shop and month (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      converter = FormatConverter.class,
      description = "table (the default), markdown, or csv (each table's rows after a "
          + "'# title' line).")
  private ReportFormat format;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Also write comparison.md and tables/*.csv there.")
  private Path out;

  @Override
  public Integer call() {
    PrintWriter console = spec.commandLine().getOut();
    PrintWriter errors = spec.commandLine().getErr();
    Demo.Options underA;
    Demo.Options underB;
    try {
      underA = new Demo.Options(cases, seed, baseRules, baseSettings, DemoStorage.Kind.MEMORY,
          null);
      underB = new Demo.Options(cases, seed, rules, settings, DemoStorage.Kind.MEMORY, null);
    } catch (IllegalArgumentException e) {
      errors.println("returnkit compare: " + e.getMessage());
      return 2;
    }
    if (rules == null && settings == null && baseRules == null && baseSettings == null) {
      errors.println("returnkit compare: give policy B with --rules or --settings (and A with "
          + "--base-rules or --base-settings, if not the defaults)");
      return 2;
    }
    // Both policies and the output folder are checked before a month is simulated.
    DroolsPolicies policiesA = build("A", underA, errors);
    DroolsPolicies policiesB = build("B", underB, errors);
    if (policiesA == null || policiesB == null) {
      return 2;
    }
    if (out != null) {
      Optional<String> unwritable = ReportWriter.cannotWrite(out);
      if (unwritable.isPresent()) {
        errors.println("returnkit compare: cannot write to " + out + ": " + unwritable.get());
        return 2;
      }
    }
    if (format != ReportFormat.CSV) {
      console.printf(Locale.ROOT, "Simulating the same %,d returns (seed %d) under A and B...%n",
          cases, seed);
      console.flush();
    }
    SimulationResult resultA = Demo.run(underA, policiesA, DemoListener.SILENT);
    SimulationResult resultB = Demo.run(underB, policiesB, DemoListener.SILENT);
    PolicyComparison comparison = PolicyComparison.of(resultA, resultB);
    String header = String.format(Locale.ROOT, "One generated month of %,d returns (seed %d), "
        + "the same requests, parcels and inspections under both:%n%n- A: %s%n- B: %s%n",
        cases, seed, describe(baseRules, baseSettings), describe(rules, settings));
    console.print(render(comparison, header));
    console.flush();
    if (out != null) {
      try {
        write(comparison, header, out);
      } catch (IOException e) {
        errors.println("returnkit compare: cannot write to " + out + ": " + e);
        return 2;
      }
      if (format != ReportFormat.CSV) {
        console.println("Written: " + out.resolve("comparison.md") + " and tables/ beside it");
      }
    }
    return 0;
  }

  private String render(PolicyComparison comparison, String header) {
    StringBuilder text = new StringBuilder();
    if (format == ReportFormat.MARKDOWN) {
      return comparison.markdown(header);
    }
    if (format == ReportFormat.TABLE) {
      text.append('\n').append(header.replace("- A:", "  A:").replace("- B:", "  B:"));
    }
    for (ReportTable table : comparison.tables()) {
      if (format == ReportFormat.TABLE || text.length() > 0) {
        text.append('\n');
      }
      text.append(format == ReportFormat.CSV ? "# " + table.title() + "\n" + table.toCsv()
          : table.toText());
    }
    return text.toString();
  }

  private static void write(PolicyComparison comparison, String header, Path directory)
      throws IOException {
    Files.createDirectories(directory.resolve("tables"));
    Files.writeString(directory.resolve("comparison.md"), comparison.markdown(header),
        StandardCharsets.UTF_8);
    List<ReportTable> tables = comparison.tables();
    for (int i = 0; i < tables.size(); i++) {
      Files.writeString(directory.resolve("tables").resolve(String.format(Locale.ROOT,
          "compare-%02d-%s.csv", i + 1, tables.get(i).slug())), tables.get(i).toCsv(),
          StandardCharsets.UTF_8);
    }
  }

  /** A policy in words: the demo shop's defaults, and the directory and file over them. */
  static String describe(Path rulesDirectory, Path settingsFile) {
    StringBuilder text = new StringBuilder("the defaults (with the demo shop's settings)");
    if (rulesDirectory != null) {
      text.append(", rules ").append(rulesDirectory);
    }
    if (settingsFile != null) {
      text.append(", settings ").append(settingsFile);
    }
    return text.toString();
  }

  private static DroolsPolicies build(String which, Demo.Options options, PrintWriter errors) {
    try {
      DroolsPolicies policies = Demo.policies(options);
      for (RuleProblem warning : policies.warnings()) {
        errors.println("returnkit compare: policy " + which + ": warning: " + warning);
      }
      return policies;
    } catch (InvalidRuleSetException e) {
      errors.println("returnkit compare: policy " + which + " does not build ("
          + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + "):");
      for (RuleProblem problem : e.problems()) {
        errors.println("  " + problem);
      }
      return null;
    }
  }
}
