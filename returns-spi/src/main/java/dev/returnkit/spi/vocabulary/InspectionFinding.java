package dev.returnkit.spi.vocabulary;

/** What the warehouse found when it inspected a returned item (DOMAIN.md, section 5). */
public enum InspectionFinding {
  /** The outer packaging is crushed, torn or wet. */
  PACKAGING_DAMAGED,
  /** The item itself is damaged. */
  ITEM_DAMAGED,
  /** Accessories or parts that shipped with the item are missing. */
  MISSING_ACCESSORIES,
  /** The item has a functional fault (confirmed). */
  FUNCTIONAL_FAULT,
  /** The claimed fault could not be reproduced. */
  NO_FAULT_FOUND,
  /** The item shows signs of use. */
  SIGNS_OF_USE,
  /** The factory seal is intact: the item was never opened. */
  SEAL_INTACT,
  /** The item returned is not the one the order shipped, or the one shipped was wrong. */
  WRONG_ITEM,
  /** The goods are past their expiry date. */
  EXPIRED,
  /** The serial number does not match the one that shipped. */
  SERIAL_MISMATCH
}
