package dev.returnkit.spi;


/**
 * The payment port did not pay. {@link #isRetryable()} says whether the same instruction may
 * succeed later (a timeout, an outage) or never will (a refusal).
 *
 * <p>Either way the case stays in {@code SETTLING} with the payments that did succeed recorded;
 * calling {@code settle} again resumes with the same idempotency keys, so nothing is paid twice.
 */
public abstract sealed class PaymentException extends ReturnsException
    permits PaymentUnavailableException, PaymentRejectedException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the provider's error, or null
   */
  protected PaymentException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether retrying the same instruction later may succeed.
   *
   * @return true for transient failures
   */
  public abstract boolean isRetryable();
}
