package dev.returnkit.rules.fact;

import dev.returnkit.spi.money.Money;

/**
 * Return shipping charged to the customer, deducted from the case's refunds. Several add up.
 *
 * @param caseKey the case
 * @param amount the amount
 * @param code the reason code
 */
public record ReturnShippingCharge(int caseKey, Money amount, String code)
    implements CaseFact {

  /**
   * Charges return shipping on a case.
   *
   * @param fact any fact of the case
   * @param amount the amount
   * @param code the reason code
   * @return the charge
   */
  public static ReturnShippingCharge of(CaseFact fact, Money amount, String code) {
    return new ReturnShippingCharge(fact.caseKey(), amount, code);
  }
}
