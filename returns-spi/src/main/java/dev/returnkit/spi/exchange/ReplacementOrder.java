package dev.returnkit.spi.exchange;

import dev.returnkit.spi.id.OrderId;
import java.time.Instant;
import java.util.Objects;

/**
 * A replacement order as the host's order system placed it.
 *
 * @param idempotencyKey the key of the request that placed it
 * @param orderId the replacement order's id in the host's order system
 * @param placedAt when it was placed
 * @param cancelledAt when it was cancelled, or {@code null} while it stands
 */
public record ReplacementOrder(String idempotencyKey, OrderId orderId, Instant placedAt,
    Instant cancelledAt) {

  public ReplacementOrder {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(placedAt, "placedAt");
  }

  /**
   * Whether the order was cancelled.
   *
   * @return true once cancelled
   */
  public boolean isCancelled() {
    return cancelledAt != null;
  }
}
