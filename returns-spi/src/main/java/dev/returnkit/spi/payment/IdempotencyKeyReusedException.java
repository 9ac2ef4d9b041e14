package dev.returnkit.spi.payment;

import dev.returnkit.spi.PaymentRejectedException;

/**
 * An idempotency key already used for one payment came back with a different amount, kind or
 * payment reference. Paying it would break the promise that a key pays once; nothing was paid.
 */
public final class IdempotencyKeyReusedException extends PaymentRejectedException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param idempotencyKey the reused key
   * @param detail how the second use differs from the first
   */
  public IdempotencyKeyReusedException(String idempotencyKey, String detail) {
    super("idempotency key " + idempotencyKey + " was already used for a different payment: "
        + detail);
  }
}
