package dev.returnkit.spi.vocabulary;

/** What the customer asks for in return for the item (DOMAIN.md, section 7). */
public enum Resolution {
  /** Money back to the original payment. */
  REFUND,
  /** A credit to spend in the shop. */
  STORE_CREDIT,
  /** The same product again (another size, a working unit). */
  EXCHANGE,
  /** The item repaired and sent back. */
  REPAIR
}
