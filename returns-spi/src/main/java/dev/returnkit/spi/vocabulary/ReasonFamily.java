package dev.returnkit.spi.vocabulary;

/**
 * The families of return reasons taught in the returns course (DOMAIN.md, section 2). Reports
 * group reasons by family to separate product, logistics, fulfilment and customer causes.
 */
public enum ReasonFamily {
  /** The item differs from the website or the marketing material. */
  NOT_AS_DESCRIBED,
  /** Late delivery or damage in transit. */
  DELIVERY_PROBLEM,
  /** A defect, missing parts, expired goods. */
  QUALITY_PROBLEM,
  /** The customer's own reason: ordered by mistake, changed their mind, does not fit. */
  CUSTOMER_REASON,
  /** The warehouse shipped the wrong item. */
  FULFILMENT_ERROR,
  /** Anything else; a note is then required. */
  OTHER
}
