package dev.returnkit.spi.payment;

import dev.returnkit.spi.PaymentRejectedException;
import dev.returnkit.spi.money.Money;

/**
 * The payment would take the total paid out against a payment reference above the limit the
 * instruction carried (what the customer paid). Nothing was paid.
 */
public final class RefundLimitExceededException extends PaymentRejectedException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param paymentReference the original payment
   * @param alreadyPaid what was paid out against it before
   * @param requested the refused amount
   * @param limit the limit
   */
  public RefundLimitExceededException(
      String paymentReference, Money alreadyPaid, Money requested, Money limit) {
    super("refusing to pay " + requested + " against payment " + paymentReference + ": "
        + alreadyPaid + " already paid out and the limit is " + limit);
  }
}
