package dev.returnkit.spi.vocabulary;

/**
 * Why the customer returns a line: the reason codes of DOMAIN.md, section 2, each in its
 * {@link ReasonFamily}.
 */
public enum ReturnReason {
  /** The item differs from its description. */
  NOT_AS_DESCRIBED(ReasonFamily.NOT_AS_DESCRIBED),
  /** The item arrived damaged by the carrier. */
  DAMAGED_IN_TRANSIT(ReasonFamily.DELIVERY_PROBLEM),
  /** The item arrived too late to be of use. */
  LATE_DELIVERY(ReasonFamily.DELIVERY_PROBLEM),
  /** The item does not work. */
  DEFECTIVE(ReasonFamily.QUALITY_PROBLEM),
  /** Parts or accessories are missing. */
  MISSING_PARTS(ReasonFamily.QUALITY_PROBLEM),
  /** The goods were past their expiry date on arrival. */
  EXPIRED(ReasonFamily.QUALITY_PROBLEM),
  /** The customer ordered the wrong thing. */
  ORDERED_BY_MISTAKE(ReasonFamily.CUSTOMER_REASON),
  /** The customer no longer wants the item. */
  CHANGED_MIND(ReasonFamily.CUSTOMER_REASON),
  /** Wrong size or fit. */
  DOES_NOT_FIT(ReasonFamily.CUSTOMER_REASON),
  /** The warehouse shipped another item than the one ordered. */
  WRONG_ITEM_SHIPPED(ReasonFamily.FULFILMENT_ERROR),
  /** Any other reason; the customer must explain it in a note. */
  OTHER(ReasonFamily.OTHER);

  private final ReasonFamily family;

  ReturnReason(ReasonFamily family) {
    this.family = family;
  }

  /**
   * The family this reason belongs to.
   *
   * @return the reason family
   */
  public ReasonFamily family() {
    return family;
  }
}
