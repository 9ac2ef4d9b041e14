package dev.returnkit.spi.payment;

/** Which way money moves, and how. */
public enum PaymentKind {
  /** Money back to the original payment method. */
  REFUND,
  /** Credit to spend in the shop. */
  STORE_CREDIT,
  /**
   * Money taken from the customer: the difference of an exchange for a dearer item. Never
   * counted against what may be refunded to a tender, nor as money paid back.
   */
  CHARGE
}
