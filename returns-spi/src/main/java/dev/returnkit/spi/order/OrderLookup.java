package dev.returnkit.spi.order;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import java.time.Instant;
import java.util.Optional;

/**
 * The host's order system, read-only: returnkit checks each request against the order it names
 * and computes refunds from what was paid.
 *
 * <p><b>Idempotency:</b> reads only. <b>Thread-safety:</b> implementations must be safe to call
 * from many threads. <b>Errors:</b> a missing order is an empty result, not an exception; an
 * unreachable order system throws an unchecked exception of the host's choosing, which
 * returnkit lets through unchanged (nothing is stored).
 */
public interface OrderLookup {

  /**
   * Finds an order.
   *
   * @param orderId the order
   * @return the order, or empty if the host has no such order
   */
  Optional<OrderSnapshot> findOrder(OrderId orderId);

  /**
   * Summarises what a customer bought from {@code since} until now, for return-rate policies.
   *
   * @param customerId the customer
   * @param since the start of the period, inclusive
   * @return orders and units bought; {@link PurchaseSummary#NONE} if nothing
   */
  PurchaseSummary purchasesSince(CustomerId customerId, Instant since);
}
