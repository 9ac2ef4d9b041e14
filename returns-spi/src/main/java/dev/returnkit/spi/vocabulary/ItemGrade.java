package dev.returnkit.spi.vocabulary;

/**
 * The condition the warehouse grades a returned item in, against the shipping standard
 * (DOMAIN.md, section 5).
 */
public enum ItemGrade {
  /** As new: can be sold as new. */
  A,
  /** Opened or lightly handled, fully working: can be sold at a markdown. */
  B,
  /** Visibly used or needing repair before it can be sold. */
  C,
  /** Not sellable: broken beyond repair, soiled, incomplete. */
  D
}
