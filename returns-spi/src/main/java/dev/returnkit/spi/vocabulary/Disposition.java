package dev.returnkit.spi.vocabulary;

/** What happens to a returned item after inspection (DOMAIN.md, section 6). */
public enum Disposition {
  /** Back to stock, sold as new. */
  RESTOCK,
  /** Back to stock as open-box, sold at a markdown. */
  RESTOCK_OPEN_BOX,
  /** Repaired, then resold. */
  REFURBISH,
  /** Sent back to the supplier (warranty claim). */
  RETURN_TO_SUPPLIER,
  /** Written off and disposed of. */
  SCRAP
}
