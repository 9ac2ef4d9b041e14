package dev.returnkit.rules.fact;

import dev.returnkit.spi.vocabulary.ReturnShippingPayer;

/**
 * Who pays the return shipment of a case. When no rule chooses, the seller pays; when rules
 * disagree, the customer pays.
 *
 * @param caseKey the case
 * @param payer who pays
 * @param code the reason code
 */
public record ShippingPayerChoice(int caseKey, ReturnShippingPayer payer, String code)
    implements CaseFact {

  /**
   * Chooses who pays for the case a fact belongs to.
   *
   * @param fact any fact of the case
   * @param payer who pays
   * @param code the reason code
   * @return the choice
   */
  public static ShippingPayerChoice of(CaseFact fact, ReturnShippingPayer payer, String code) {
    return new ShippingPayerChoice(fact.caseKey(), payer, code);
  }
}
