package dev.returnkit.spi;

/**
 * The provider refused the payment and will refuse it again: a closed account, a limit, a key
 * reused for a different payment. A person has to look at the case.
 */
public non-sealed class PaymentRejectedException extends PaymentException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why the payment was refused
   */
  public PaymentRejectedException(String message) {
    super(message, null);
  }

  /** Always false. */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
