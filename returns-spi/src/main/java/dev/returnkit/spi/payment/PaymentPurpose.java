package dev.returnkit.spi.payment;

/** What a settlement payment pays for. */
public enum PaymentPurpose {
  /** The returned items of one line, net of fees and charges. */
  ITEM_REFUND,
  /** The outbound shipping the customer paid on the order. */
  OUTBOUND_SHIPPING_REFUND,
  /**
   * A bonus on one line's store credit (store credit taken instead of a refund, a shop's
   * lever): a gift on top of what is due for the line, not counted against what was paid.
   */
  STORE_CREDIT_BONUS,
  /**
   * What a dearer replacement costs above the returned units of one line, charged to the
   * customer ({@link PaymentKind#CHARGE}).
   */
  EXCHANGE_DIFFERENCE
}
