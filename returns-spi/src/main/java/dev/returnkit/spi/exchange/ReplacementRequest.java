package dev.returnkit.spi.exchange;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import java.util.List;
import java.util.Objects;

/**
 * What returnkit asks the host to ship for an exchange.
 *
 * @param idempotencyKey derived from the case; the port places one order per key, ever
 * @param returnId the case
 * @param originalOrder the order the returned goods came from
 * @param customerId who gets the replacement
 * @param items what to send, at least one
 * @param advance whether it ships before the returned goods arrive (an advance exchange)
 */
public record ReplacementRequest(String idempotencyKey, ReturnId returnId, OrderId originalOrder,
    CustomerId customerId, List<ReplacementItem> items, boolean advance) {

  public ReplacementRequest {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(returnId, "returnId");
    Objects.requireNonNull(originalOrder, "originalOrder");
    Objects.requireNonNull(customerId, "customerId");
    items = List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a replacement order sends at least one item ("
          + idempotencyKey + ")");
    }
  }
}
