package dev.returnkit.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What a run of the returnkit command printed and returned, for tests.
 *
 * @param exitCode the exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
public record CommandRun(int exitCode, String out, String err) {

  /**
   * Runs the command in this JVM.
   *
   * @param args the command line
   * @return what it printed and returned
   */
  public static CommandRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = ReturnkitCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new CommandRun(exitCode, out.toString(), err.toString());
  }
}
