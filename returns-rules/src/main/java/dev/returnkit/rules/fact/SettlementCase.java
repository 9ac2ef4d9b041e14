package dev.returnkit.rules.fact;

import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import java.util.Currency;

/**
 * The case-level facts of a settlement. Immutable.
 *
 * @param caseKey the case
 * @param lostInTransit whether the carrier lost the parcel
 * @param returnShippingPaidBy who pays the return shipment, as decided on request
 * @param outboundShippingPaid what the customer paid for outbound shipping
 * @param tenders how many tenders the order was paid with (a card and a gift card: 2)
 */
public record SettlementCase(
    int caseKey,
    boolean lostInTransit,
    ReturnShippingPayer returnShippingPaidBy,
    Money outboundShippingPaid,
    int tenders) implements CaseFact {

  /**
   * The order's currency.
   *
   * @return the currency of every amount of the case
   */
  public Currency currency() {
    return outboundShippingPaid.currency();
  }
}
