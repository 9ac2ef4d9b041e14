package dev.returnkit.rules.fact;

import dev.returnkit.spi.money.Money;

/**
 * A fee kept from a line's refund. Several add up.
 *
 * @param caseKey the case
 * @param lineKey the line
 * @param amount the amount
 * @param code the reason code
 */
public record RestockingFee(int caseKey, int lineKey, Money amount, String code)
    implements LineKeyed {

  /**
   * Keeps a fee on a line.
   *
   * @param line the line
   * @param amount the amount
   * @param code the reason code
   * @return the fee
   */
  public static RestockingFee of(LineFact line, Money amount, String code) {
    return new RestockingFee(line.caseKey(), line.lineKey(), amount, code);
  }
}
