package dev.returnkit.examples.cli;

import dev.returnkit.rules.verify.NewRuleCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code returnkit new-rule DECISION NAME}: writes a complete rule file, with its package and
 * imports, into a rule directory.
 */
@Command(name = "new-rule", mixinStandardHelpOptions = true,
    description = {"Writes a complete rule file for a decision (eligibility, liability, "
        + "disposition or settlement) into a rule directory: its package and import lines, "
        + "and a rule named NAME that builds as written and matches nothing until its "
        + "condition is changed; with --table, a disposition decision table.",
        "Exit code 0: written; 2: nothing written (an unknown decision, a bad name, or the "
            + "file exists)."})
final class NewRuleSubcommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DECISION",
      description = "eligibility, liability, disposition or settlement")
  private String decision;

  @Parameters(index = "1", paramLabel = "NAME",
      description = "the rule's name, lower-case words joined by hyphens (luxury-review)")
  private String name;

  @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
      description = "The rule directory to write into (default: ${DEFAULT-VALUE}).")
  private Path rules;

  @Option(names = "--table",
      description = "Write a decision table (NAME.drl.csv) instead of a rule file: for "
          + "disposition grading, the default grading rules as a table that replaces "
          + "grading.drl; for another name, the same columns with one row to change.")
  private boolean table;

  @Override
  public Integer call() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream printed = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      exitCode = table ? NewRuleCommand.table(decision, name, rules, printed)
          : NewRuleCommand.run(decision, name, rules, printed);
    }
    spec.commandLine().getOut().print(buffer.toString(StandardCharsets.UTF_8));
    spec.commandLine().getOut().flush();
    return exitCode;
  }
}
