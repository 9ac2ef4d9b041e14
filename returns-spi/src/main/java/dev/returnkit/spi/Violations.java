package dev.returnkit.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the problems found while checking an input, so that all of them are reported at
 * once. Not thread-safe: one per check.
 */
public final class Violations {

  private final String input;
  private final List<Violation> found = new ArrayList<>();

  /**
   * Starts collecting.
   *
   * @param input what is being checked, for the exception message
   */
  public Violations(String input) {
    this.input = input;
  }

  /**
   * Records a problem.
   *
   * @param path the field path
   * @param message what is wrong
   * @return this
   */
  public Violations add(String path, String message) {
    found.add(new Violation(path, message));
    return this;
  }

  /**
   * Records problems found elsewhere.
   *
   * @param violations the problems
   * @return this
   */
  public Violations addAll(List<Violation> violations) {
    found.addAll(violations);
    return this;
  }

  /**
   * Whether nothing was found.
   *
   * @return true if the input is valid so far
   */
  public boolean isEmpty() {
    return found.isEmpty();
  }

  /**
   * The problems so far, ordered by path.
   *
   * @return the sorted violations
   */
  public List<Violation> list() {
    List<Violation> sorted = new ArrayList<>(found);
    Collections.sort(sorted);
    return List.copyOf(sorted);
  }

  /**
   * Throws if anything was found.
   *
   * @throws InvalidReturnRequestException listing every problem
   */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw exception();
    }
  }

  /**
   * The exception listing the problems found, for {@code orElseThrow}.
   *
   * @return the exception
   * @throws IllegalStateException if nothing was found
   */
  public InvalidReturnRequestException exception() {
    if (found.isEmpty()) {
      throw new IllegalStateException("no problem found in the " + input);
    }
    return new InvalidReturnRequestException(input, list());
  }
}
