package dev.returnkit.spi.vocabulary;

/**
 * Who is responsible for the reason the item came back (DOMAIN.md, section 5). Liability
 * drives who pays and what happens to the item.
 */
public enum Liability {
  /** The shop: wrong item, not as described, a defect it sold. */
  SELLER,
  /** The carrier: damaged or lost in transit. A claim against the carrier follows. */
  CARRIER,
  /** The customer: changed their mind, ordered by mistake, damage they caused. */
  CUSTOMER,
  /** The manufacturer or supplier: a defect under the supplier's warranty. */
  SUPPLIER
}
