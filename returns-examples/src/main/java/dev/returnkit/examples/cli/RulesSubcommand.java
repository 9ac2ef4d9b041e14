package dev.returnkit.examples.cli;

import dev.returnkit.rules.verify.RulesCommand;
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
 * {@code returnkit rules}: every rule in force, where it is written and whether it is a
 * default, replaced, added, disabled or removed; then every setting and the file it came from.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = {"Lists the return policy in force: every rule (id, file:line, the decision "
        + "it takes part in, default/replaced/added/disabled/removed) and every setting with "
        + "the file and line its value came from.",
        "Exit code 0: listed; 2: the rules or settings could not be read."})
final class RulesSubcommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--rules", paramLabel = "DIR",
      description = "A policy directory over the default rules (.drl files, "
          + "policy-settings.properties, disabled-rules.txt).")
  private Path rules;

  @Option(names = "--settings", paramLabel = "FILE",
      description = "A properties file overriding the default settings.")
  private Path settings;

  @Override
  public Integer call() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream printed = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      exitCode = RulesCommand.run(rules, settings, printed);
    }
    spec.commandLine().getOut().print(buffer.toString(StandardCharsets.UTF_8));
    spec.commandLine().getOut().flush();
    return exitCode;
  }
}
