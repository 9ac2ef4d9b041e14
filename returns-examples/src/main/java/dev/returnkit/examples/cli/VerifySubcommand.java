package dev.returnkit.examples.cli;

import dev.returnkit.rules.verify.ReportFormat;
import dev.returnkit.rules.verify.VerifyCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code returnkit verify}: runs scenarios through a rule set and prints expected against
 * actual, for policy owners checking a change before it ships.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Checks return policies against scenarios: each scenario's expected "
        + "decisions against what the rules decide.",
        "Exit code 0: all passed; 1: some scenario failed; 2: the rules, settings or "
            + "scenarios could not be read."})
final class VerifySubcommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--rules", paramLabel = "DIR",
      description = "A policy directory over the default rules (.drl files, "
          + "policy-settings.properties, disabled-rules.txt).")
  private Path rules;

  @Option(names = "--settings", paramLabel = "FILE",
      description = "A properties file overriding the default settings.")
  private Path settings;

  @Option(names = "--scenarios", paramLabel = "FILE",
      description = "A scenario CSV file, run after returnkit's built-in cases (the worked "
          + "cases and one per rule).")
  private Path scenarios;

  @Option(names = "--only-these-scenarios",
      description = "Run only the --scenarios file's cases, not the built-in ones.")
  private boolean onlyTheseScenarios;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      converter = FormatConverter.class,
      description = "table (the default, for a console, at most 120 characters wide), "
          + "markdown or csv.")
  private ReportFormat format;

  @Override
  public Integer call() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream printed = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      exitCode = VerifyCommand.run(rules, settings, scenarios, onlyTheseScenarios, format,
          printed);
    }
    spec.commandLine().getOut().print(buffer.toString(StandardCharsets.UTF_8));
    spec.commandLine().getOut().flush();
    return exitCode;
  }
}
