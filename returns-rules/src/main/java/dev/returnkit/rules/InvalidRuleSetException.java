package dev.returnkit.rules;

import dev.returnkit.spi.ReturnsException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule set could not be built: a DRL file does not compile, a rule name is used twice in one
 * package, a settings value is malformed, a rule to disable does not exist. Lists every problem
 * found, each with its file and line. The rule set that was in force before stays in force.
 */
public final class InvalidRuleSetException extends ReturnsException {

  private static final long serialVersionUID = 1L;

  private final transient List<RuleProblem> problems;

  /**
   * Creates the exception.
   *
   * @param problems every problem found, at least one
   */
  public InvalidRuleSetException(List<RuleProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<RuleProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid rule set has at least one problem");
    }
    return "the rule set has " + problems.size()
        + (problems.size() == 1 ? " problem:\n  " : " problems:\n  ")
        + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  "));
  }

  /**
   * Every problem, in the order found.
   *
   * @return the problems
   */
  public List<RuleProblem> problems() {
    return problems;
  }
}
