package dev.returnkit.spi.logistics;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What returnkit asks the logistics port to arrange for one case.
 *
 * @param returnId the case; the port's idempotency key
 * @param orderId the order the goods came from
 * @param customerId the customer sending them
 * @param method label or pickup
 * @param paidBy who pays the carrier
 * @param items what travels, at least one item
 * @param requestedAt when returnkit asked (from its clock), for deadlines
 */
public record ShipmentRequest(
    ReturnId returnId,
    OrderId orderId,
    CustomerId customerId,
    ShippingMethod method,
    ReturnShippingPayer paidBy,
    List<ShipmentItem> items,
    Instant requestedAt) {

  public ShipmentRequest {
    Objects.requireNonNull(returnId, "returnId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(paidBy, "paidBy");
    Objects.requireNonNull(requestedAt, "requestedAt");
    items = List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a shipment for " + returnId + " needs items");
    }
  }
}
