package dev.returnkit.spi.vocabulary;

/** The eligibility verdict on one requested line. */
public enum LineVerdict {
  /** The line may be returned. */
  APPROVED,
  /** The line may not be returned; reason codes say why. */
  REJECTED,
  /** A person must decide (manual review); reason codes say why. */
  IN_REVIEW
}
