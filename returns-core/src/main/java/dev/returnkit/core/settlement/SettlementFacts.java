package dev.returnkit.core.settlement;

import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.ArrayList;
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
 * @param tenders the kinds of tender the order was paid with, in the order's order
 */
public record SettlementFacts(
    ReturnId returnId,
    boolean lostInTransit,
    ReturnShippingPayer returnShippingPaidBy,
    Money outboundShippingPaid,
    List<SettlementLineFacts> lines,
    List<TenderType> tenders) {

  public SettlementFacts {
    Objects.requireNonNull(returnId, "returnId");
    Objects.requireNonNull(returnShippingPaidBy, "returnShippingPaidBy");
    Objects.requireNonNull(outboundShippingPaid, "outboundShippingPaid");
    lines = List.copyOf(lines);
    tenders = List.copyOf(tenders);
  }

  /**
   * The facts of a case whose order was paid with one tender (or whose tenders do not matter).
   *
   * @param returnId the case
   * @param lostInTransit whether the carrier lost the parcel
   * @param returnShippingPaidBy who pays the return shipment
   * @param outboundShippingPaid what the customer paid for outbound shipping
   * @param lines the lines with something accepted
   */
  public SettlementFacts(ReturnId returnId, boolean lostInTransit,
      ReturnShippingPayer returnShippingPaidBy, Money outboundShippingPaid,
      List<SettlementLineFacts> lines) {
    this(returnId, lostInTransit, returnShippingPaidBy, outboundShippingPaid, lines,
        List.of(TenderType.CARD));
  }

  /**
   * The facts of an inspected (or lost) case: every line with units accepted for settlement.
   *
   * @param returnCase the case
   * @param order its order, for the outbound shipping paid
   * @param ledger what the order's other cases settled, for the share of each line's units
   * @return the facts
   */
  public static SettlementFacts of(ReturnCaseSnapshot returnCase, OrderSnapshot order,
      OrderReturnLedger ledger) {
    List<SettlementLineFacts> facts = new ArrayList<>();
    for (ReturnLineSnapshot line : returnCase.lines()) {
      if (line.quantities().accepted() > 0) {
        facts.add(new SettlementLineFacts(line.orderLineId(), line.sku(), line.category(),
            line.reason(), line.resolution(), SettlementShares.accepted(line, ledger),
            line.quantities().accepted(),
            line.inspection(), line.liability(), line.disposition(), line.returnless()));
      }
    }
    return new SettlementFacts(returnCase.id(),
        returnCase.status() == ReturnStatus.LOST_IN_TRANSIT, returnCase.returnShippingPaidBy(),
        order.shippingPaid(), facts, order.tenders().stream().map(Tender::type).toList());
  }
}
