package dev.returnkit.spi;

import java.util.Currency;

/**
 * Thrown when arithmetic or a comparison mixes two currencies. Converting between currencies is
 * a business decision (which rate, which day) that returnkit never makes silently.
 *
 * <p>It means a mistake upstream, such as an order whose lines are priced in different
 * currencies or a policy that answers in another currency than the case's. A
 * {@link ReturnsException}, so one catch block sees every refusal of returnkit's.
 */
public final class CurrencyMismatchException extends ReturnsException {

  private static final long serialVersionUID = 1L;

  private final transient Currency left;
  private final transient Currency right;

  /**
   * Creates the exception for an operation on two amounts.
   *
   * @param operation what was attempted, e.g. {@code "plus"}
   * @param left the currency of the receiver
   * @param right the currency of the argument
   */
  public CurrencyMismatchException(String operation, Currency left, Currency right) {
    this(left, right, "cannot " + operation + " " + left.getCurrencyCode() + " and "
        + right.getCurrencyCode() + ": amounts in different currencies are never mixed");
  }

  /**
   * Creates the exception with a message of the caller's.
   *
   * @param expected the currency that was required
   * @param actual the currency found
   * @param message what was being checked, naming both currencies
   */
  public CurrencyMismatchException(Currency expected, Currency actual, String message) {
    super(message);
    this.left = expected;
    this.right = actual;
  }

  /**
   * The currency of the amount the operation was called on.
   *
   * @return the left-hand currency
   */
  public Currency left() {
    return left;
  }

  /**
   * The currency of the amount passed as argument.
   *
   * @return the right-hand currency
   */
  public Currency right() {
    return right;
  }
}
