package dev.returnkit.rules.fact;

/**
 * The customer may keep an approved line's goods: it is refunded without a shipment.
 *
 * @param caseKey the case
 * @param lineKey the line
 * @param code the reason code
 */
public record ReturnlessGrant(int caseKey, int lineKey, String code) implements LineKeyed {

  /**
   * Grants a returnless refund for a line.
   *
   * @param line the line
   * @param code the reason code
   * @return the grant
   */
  public static ReturnlessGrant of(LineFact line, String code) {
    return new ReturnlessGrant(line.caseKey(), line.lineKey(), code);
  }
}
