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
  EXCHANGE_DIFFERENCE,
  /**
   * The replacement of an advance exchange, sent before the goods came back, for the units
   * that never came back (the drop-off deadline passed) or that the warehouse did not accept:
   * charged to the customer at the replacement's price ({@link PaymentKind#CHARGE}).
   */
  ADVANCE_REPLACEMENT
}
