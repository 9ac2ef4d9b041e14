package dev.returnkit.spi;

/**
 * A transient failure: the provider timed out or was down. Whether the payment went through is
 * unknown; retrying with the same idempotency key is safe and settles it either way.
 */
public final class PaymentUnavailableException extends PaymentException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the provider's error, or null
   */
  public PaymentUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Always true. */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
