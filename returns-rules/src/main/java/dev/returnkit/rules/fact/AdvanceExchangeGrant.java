package dev.returnkit.rules.fact;

/**
 * An approved exchange's replacement may go out before the goods come back: it is sent when
 * the return label exists, and charged at its price if the goods are not sent back by the
 * drop-off deadline. Every approved exchange of a case needs one, or none goes ahead.
 *
 * @param caseKey the case
 * @param lineKey the line
 * @param code the reason code
 */
public record AdvanceExchangeGrant(int caseKey, int lineKey, String code)
    implements LineKeyed {

  /**
   * Grants an advance exchange for a line.
   *
   * @param line the line
   * @param code the reason code
   * @return the grant
   */
  public static AdvanceExchangeGrant of(LineFact line, String code) {
    return new AdvanceExchangeGrant(line.caseKey(), line.lineKey(), code);
  }
}
