package dev.returnkit.spi;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An input to the {@code Returns} facade was invalid: missing or malformed fields, or values
 * that contradict the order or the case (a line not on the order, more units than remain
 * returnable, more received than approved). Lists every problem found, not just the first.
 * Nothing was stored or sent.
 */
public final class InvalidReturnRequestException extends ReturnsException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /**
   * Creates the exception.
   *
   * @param input what was being validated, e.g. {@code return request}
   * @param violations every problem found, at least one
   */
  public InvalidReturnRequestException(String input, List<Violation> violations) {
    super(message(input, violations));
    this.violations = List.copyOf(violations);
  }

  private static String message(String input, List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an invalid input has at least one violation");
    }
    return "invalid " + input + " (" + violations.size()
        + (violations.size() == 1 ? " problem): " : " problems): ")
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  /**
   * Every problem, ordered by field path.
   *
   * @return the violations
   */
  public List<Violation> violations() {
    return violations;
  }
}
