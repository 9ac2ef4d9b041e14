package dev.returnkit.spi.event;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import java.util.Objects;

/**
 * A quantity of one line, as events report it.
 *
 * @param orderLineId the order line
 * @param sku the product
 * @param quantity units
 */
public record LineQuantity(OrderLineId orderLineId, Sku sku, int quantity) {

  public LineQuantity {
    Objects.requireNonNull(orderLineId, "orderLineId");
    Objects.requireNonNull(sku, "sku");
    if (quantity < 0) {
      throw new IllegalArgumentException("quantity cannot be negative: " + quantity);
    }
  }
}
