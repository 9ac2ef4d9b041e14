package dev.returnkit.spi.logistics;

/** How the goods travel back (DOMAIN.md, section 3: a label or a pickup). */
public enum ShippingMethod {
  /** The customer prints a label and drops the parcel off. */
  LABEL,
  /** The carrier picks the parcel up at the customer's address. */
  PICKUP
}
