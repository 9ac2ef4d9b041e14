package dev.returnkit.spi;


/**
 * A policy returned an outcome that does not fit the facts it was given: a line missing or
 * twice, an unknown line, an amount in the wrong currency or below zero. This is a bug in the
 * policy (or its rules), not in the customer's input; the case is left unchanged.
 */
public final class InvalidDecisionException extends ReturnsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the outcome, naming the policy and the line
   */
  public InvalidDecisionException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause, e.g. an exception a rule threw.
   *
   * @param message what went wrong, naming the policy
   * @param cause what the policy threw
   */
  public InvalidDecisionException(String message, Throwable cause) {
    super(message, cause);
  }
}
