package dev.returnkit.rules.fact;

import dev.returnkit.spi.money.Money;

/**
 * The refund for a line's accepted units, before fees and charges. Several add up.
 *
 * @param caseKey the case
 * @param lineKey the line
 * @param amount the amount
 * @param code the reason code
 */
public record ItemRefund(int caseKey, int lineKey, Money amount, String code)
    implements LineKeyed {

  /**
   * Refunds an amount for a line.
   *
   * @param line the line
   * @param amount the amount
   * @param code the reason code
   * @return the refund
   */
  public static ItemRefund of(LineFact line, Money amount, String code) {
    return new ItemRefund(line.caseKey(), line.lineKey(), amount, code);
  }
}
