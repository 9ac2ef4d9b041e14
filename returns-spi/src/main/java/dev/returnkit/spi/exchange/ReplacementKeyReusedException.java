package dev.returnkit.spi.exchange;

import dev.returnkit.spi.ReturnsException;

/**
 * An idempotency key that placed one replacement order came back with other items, another
 * customer or another case. Placing it would ship twice under one key; nothing was placed.
 */
public final class ReplacementKeyReusedException extends ReturnsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param idempotencyKey the reused key
   * @param detail how the second request differs from the first
   */
  public ReplacementKeyReusedException(String idempotencyKey, String detail) {
    super("idempotency key " + idempotencyKey + " already placed a different replacement "
        + "order: " + detail);
  }
}
