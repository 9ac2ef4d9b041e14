package dev.returnkit.spi.payment;

/** How value goes back to the customer. */
public enum PaymentKind {
  /** Money back to the original payment method. */
  REFUND,
  /** Credit to spend in the shop. */
  STORE_CREDIT
}
