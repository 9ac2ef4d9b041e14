package dev.returnkit.rules.fact;

import dev.returnkit.spi.money.Money;

/**
 * Outbound shipping refunded on a case. Several add up (the core never refunds more than was
 * paid).
 *
 * @param caseKey the case
 * @param amount the amount
 * @param code the reason code
 */
public record OutboundShippingRefund(int caseKey, Money amount, String code)
    implements CaseFact {

  /**
   * Refunds outbound shipping on a case.
   *
   * @param fact any fact of the case
   * @param amount the amount
   * @param code the reason code
   * @return the refund
   */
  public static OutboundShippingRefund of(CaseFact fact, Money amount, String code) {
    return new OutboundShippingRefund(fact.caseKey(), amount, code);
  }
}
