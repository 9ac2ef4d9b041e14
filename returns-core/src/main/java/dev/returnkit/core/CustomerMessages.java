package dev.returnkit.core;

import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.notification.CustomerNotification;
import dev.returnkit.spi.payment.PaymentPurpose;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which events the customer hears about, with which template and parameters (DOMAIN.md,
 * section 8). Internal steps (scans, inspection, settlement planning, carrier claims) are not
 * sent; every state change that matters to the customer is.
 */
final class CustomerMessages {

  private CustomerMessages() {}

  static Optional<CustomerNotification> forEvent(ReturnEvent event, CustomerId customer) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("returnId", event.returnId().value());
    // An exhaustive switch: a new event type does not compile until it is decided here.
    String template = switch (event.type()) {
      case RETURN_REQUESTED, RETURN_IN_TRANSIT, RETURN_DELIVERED_TO_WAREHOUSE,
          RETURN_INSPECTED, SETTLEMENT_STARTED, CARRIER_CLAIM_RECORDED -> null;
      case RETURN_SENT_TO_REVIEW -> "return.in-review";
      case RETURN_APPROVED -> "return.approved";
      case RETURN_REJECTED -> {
        params.put("reasons",
            String.join(",", ((ReturnEvent.ReturnRejected) event).reasonCodes()));
        yield "return.rejected";
      }
      case RETURNLESS_REFUND_GRANTED -> "return.keep-the-item";
      case RETURN_SHIPMENT_ARRANGED -> {
        var shipment = ((ReturnEvent.ReturnShipmentArranged) event).shipment();
        params.put("carrier", shipment.carrier());
        params.put("trackingNumber", shipment.trackingNumber());
        params.put("method", shipment.method().name());
        if (shipment.labelUrl() != null) {
          params.put("labelUrl", shipment.labelUrl());
        }
        params.put("dropOffDeadline", shipment.dropOffDeadline().toString());
        yield "return.label-ready";
      }
      case RETURN_LOST_IN_TRANSIT -> "return.lost-in-transit";
      case RETURN_RECEIVED -> "return.received";
      case REFUND_ISSUED -> {
        params.put("amount", ((ReturnEvent.RefundIssued) event).payment().amount().toString());
        yield "return.refund-issued";
      }
      case STORE_CREDIT_ISSUED -> {
        params.put("amount",
            ((ReturnEvent.StoreCreditIssued) event).payment().amount().toString());
        yield "return.store-credit-issued";
      }
      case EXCHANGE_DIFFERENCE_CHARGED -> {
        var payment = ((ReturnEvent.ExchangeDifferenceCharged) event).payment();
        params.put("amount", payment.amount().toString());
        yield payment.purpose() == PaymentPurpose.ADVANCE_REPLACEMENT
            ? "return.advance-replacement-charged" : "return.exchange-difference-charged";
      }
      case EXCHANGE_ORDERED -> {
        var exchange = (ReturnEvent.ExchangeOrdered) event;
        // What the customer gets: the replacement, when the event names it.
        params.put("sku", exchange.replacement() != null
            ? exchange.replacement().sku().value() : exchange.item().sku().value());
        params.put("quantity", Integer.toString(exchange.replacement() != null
            ? exchange.replacement().quantity() : exchange.item().quantity()));
        yield "return.exchange-ordered";
      }
      case REPAIR_ORDERED -> {
        var item = ((ReturnEvent.RepairOrdered) event).item();
        params.put("sku", item.sku().value());
        params.put("quantity", Integer.toString(item.quantity()));
        yield "return.repair-ordered";
      }
      case RETURN_COMPLETED -> {
        var completed = (ReturnEvent.ReturnCompleted) event;
        params.put("refunded", completed.refunded().toString());
        params.put("storeCredit", completed.storeCredit().toString());
        yield "return.completed";
      }
      case RETURN_CANCELLED -> "return.cancelled";
      case RETURN_EXPIRED -> "return.expired";
    };
    if (template == null) {
      return Optional.empty();
    }
    return Optional.of(new CustomerNotification(event.eventId(), customer, event.returnId(),
        template, params));
  }
}
