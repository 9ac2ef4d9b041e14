package dev.returnkit.core.returncase;

import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.spi.event.EventHeader;
import dev.returnkit.spi.event.LineQuantity;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.logistics.ShipmentArrangement;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The events of the commands whose events take more than a line to tell: opening a case and
 * completing its settlement. Each event is made by {@link ReturnCase}'s single record step,
 * which gives it its header (case, history entry, position); hence the functions.
 */
final class CaseEvents {

  private CaseEvents() {}

  /** What a request produced: the request itself, then its approval, review or rejection. */
  static List<Function<EventHeader, ReturnEvent>> opened(ReturnRequest request,
      ReturnCaseSnapshot opened) {
    List<ReturnEvent.RequestedItem> items = request.lines().stream()
        .map(line -> new ReturnEvent.RequestedItem(line.orderLineId(),
            opened.line(line.orderLineId()).orElseThrow().sku(), line.quantity(),
            line.reason()))
        .toList();
    List<ReturnLineSnapshot> lines = opened.lines();
    Function<EventHeader, ReturnEvent> outcome = switch (opened.status()) {
      case APPROVED -> h -> new ReturnEvent.ReturnApproved(h, approvedItems(lines));
      case IN_REVIEW -> h -> new ReturnEvent.ReturnSentToReview(h,
          codesOf(lines, LineVerdict.IN_REVIEW));
      default -> h -> new ReturnEvent.ReturnRejected(h, codesOf(lines, LineVerdict.REJECTED));
    };
    return List.of(h -> new ReturnEvent.ReturnRequested(h, request.orderId(),
        request.customerId(), items), outcome);
  }

  /** The approved units of each approved line. */
  static List<LineQuantity> approvedItems(List<ReturnLineSnapshot> lines) {
    return lines.stream().filter(ReturnLineSnapshot::isApproved)
        .map(line -> new LineQuantity(line.orderLineId(), line.sku(),
            line.quantities().approved()))
        .toList();
  }

  /**
   * What completing a settlement produced: exchanges and repairs to order, a claim against the
   * carrier when it is liable, and the completion with what was paid. An exchange's event
   * names what to send and the replacement order returnkit placed for it, if any.
   */
  static List<Function<EventHeader, ReturnEvent>> completed(ReturnCaseSnapshot settled,
      OrderId replacementOrder) {
    List<Function<EventHeader, ReturnEvent>> events = new ArrayList<>();
    List<ReturnLineSnapshot> lines = settled.lines().stream()
        .filter(line -> line.quantities().accepted() > 0 || Replacements.replaces(line))
        .toList();
    Money claim = Money.zero(settled.currency());
    boolean carrierLiable = false;
    for (ReturnLineSnapshot line : lines) {
      LineQuantity item = new LineQuantity(line.orderLineId(), line.sku(),
          line.quantities().accepted());
      if (Replacements.replaces(line)) {
        ReplacementItem replacement = Replacements.itemFor(line);
        events.add(h -> new ReturnEvent.ExchangeOrdered(h, item, replacement,
            replacementOrder));
      } else if (line.settlementMethod() == Resolution.REPAIR) {
        events.add(h -> new ReturnEvent.RepairOrdered(h, item));
      }
      if (line.liability() == Liability.CARRIER) {
        carrierLiable = true;
        claim = claim.plus(line.money().itemRefund());
      }
    }
    if (carrierLiable) {
      // A parcel lost on its way back is the return carrier's; damage on the way out is the
      // outbound carrier's, which the host knows from the order.
      ShipmentArrangement shipment = settled.shipment();
      boolean returnCarrier = shipment != null
          && lines.stream().allMatch(line -> line.quantities().received() == 0);
      String carrier = returnCarrier ? shipment.carrier() : null;
      String tracking = returnCarrier ? shipment.trackingNumber() : null;
      Money amount = claim;
      events.add(h -> new ReturnEvent.CarrierClaimRecorded(h, carrier, tracking, amount));
    }
    Money refunded = settled.paidOut(PaymentKind.REFUND);
    Money credited = settled.paidOut(PaymentKind.STORE_CREDIT);
    events.add(h -> new ReturnEvent.ReturnCompleted(h, refunded, credited));
    return events;
  }

  private static List<String> codesOf(List<ReturnLineSnapshot> lines, LineVerdict verdict) {
    return lines.stream().filter(line -> line.verdict() == verdict)
        .flatMap(line -> line.verdictCodes().stream()).distinct().toList();
  }
}
