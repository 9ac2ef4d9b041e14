package dev.returnkit.spi.payment;

/** What a settlement payment pays for. */
public enum PaymentPurpose {
  /** The returned items of one line, net of fees and charges. */
  ITEM_REFUND,
  /** The outbound shipping the customer paid on the order. */
  OUTBOUND_SHIPPING_REFUND
}
