package dev.returnkit.rules.verify;

import dev.returnkit.rules.RuleProblem;
import dev.returnkit.spi.ReturnsException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario file could not be read: a missing column, a value that is not a reason, a grade or
 * an amount. Lists every problem with its line.
 */
public final class InvalidScenarioFileException extends ReturnsException {

  private static final long serialVersionUID = 1L;

  private final transient List<RuleProblem> problems;

  /**
   * Creates the exception.
   *
   * @param problems every problem found, at least one
   */
  public InvalidScenarioFileException(List<RuleProblem> problems) {
    super("the scenario file has " + problems.size() + " problem(s):\n  "
        + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
    this.problems = List.copyOf(problems);
  }

  /**
   * Every problem.
   *
   * @return the problems
   */
  public List<RuleProblem> problems() {
    return problems;
  }
}
