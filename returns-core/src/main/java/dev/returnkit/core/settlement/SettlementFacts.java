package dev.returnkit.core.settlement;

import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import java.util.List;
import java.util.Objects;

/**
 * Everything the settlement policy may look at.
 *
 * @param returnId the case
 * @param lostInTransit whether the carrier lost the parcel
 * @param returnShippingPaidBy who pays the return shipment, as decided on request
 * @param outboundShippingPaid what the customer paid for outbound shipping on the order
 * @param lines the lines with something accepted, at least one
 */
public record SettlementFacts(
    ReturnId returnId,
    boolean lostInTransit,
    ReturnShippingPayer returnShippingPaidBy,
    Money outboundShippingPaid,
    List<SettlementLineFacts> lines) {

  public SettlementFacts {
    Objects.requireNonNull(returnId, "returnId");
    Objects.requireNonNull(returnShippingPaidBy, "returnShippingPaidBy");
    Objects.requireNonNull(outboundShippingPaid, "outboundShippingPaid");
    lines = List.copyOf(lines);
  }
}
