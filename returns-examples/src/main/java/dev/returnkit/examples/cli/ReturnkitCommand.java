package dev.returnkit.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code returnkit} command: {@code returnkit demo} runs a month of returns and reports on
 * it; {@code returnkit verify} checks a policy owner's rules against scenarios; {@code returnkit
 * audit} checks a returns-jdbc database's cases against their histories.
 *
 * <p>Built by {@code ./mvnw package} into {@code returns-examples/target/returnkit.jar}; run it
 * with {@code java -jar returns-examples/target/returnkit.jar demo}.
 */
@Command(name = "returnkit", mixinStandardHelpOptions = true,
    versionProvider = ReturnkitCommand.Version.class,
    description = "returnkit, the embeddable returns library: a demo and the policy verifier.",
    subcommands = {DemoCommand.class, VerifySubcommand.class, CompareCommand.class,
        RulesSubcommand.class,
        NewRuleSubcommand.class, AuditCommand.class, CommandLine.HelpCommand.class})
public final class ReturnkitCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  /** Created by picocli. */
  public ReturnkitCommand() {}

  /**
   * Runs the command and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    // Hibernate Validator logs through JBoss Logging, which would otherwise pick
    // java.util.logging and print to the console past simplelogger.properties.
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
    System.exit(execute(args, new PrintWriter(System.out, true),
        new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command without exiting, for tests and for embedding.
   *
   * @param args the command line
   * @param out where output goes
   * @param err where errors and usage help for bad input go
   * @return the exit code: 0 for success, 1 for a failed verification or demo check (or a
   *     bug), 2 for bad input
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new ReturnkitCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    int exitCode = commandLine.execute(args);
    out.flush();
    err.flush();
    return exitCode;
  }

  @Override
  public void run() {
    // No subcommand: say what there is.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
      String version = ReturnkitCommand.class.getPackage().getImplementationVersion();
      return new String[] {"returnkit " + (version == null ? "development" : version)};
    }
  }
}
