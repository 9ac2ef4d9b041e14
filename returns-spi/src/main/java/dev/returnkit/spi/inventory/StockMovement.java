package dev.returnkit.spi.inventory;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.vocabulary.Disposition;
import java.util.Objects;

/**
 * Returned units to put into stock, quarantine or write off, as their disposition says.
 *
 * @param idempotencyKey unique per case and line; the port applies each key once
 * @param returnId the case
 * @param orderLineId the line the units came back on
 * @param sku the product
 * @param quantity units, at least 1
 * @param disposition what to do with them
 */
public record StockMovement(
    String idempotencyKey,
    ReturnId returnId,
    OrderLineId orderLineId,
    Sku sku,
    int quantity,
    Disposition disposition) {

  public StockMovement {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(returnId, "returnId");
    Objects.requireNonNull(orderLineId, "orderLineId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(disposition, "disposition");
    if (quantity < 1) {
      throw new IllegalArgumentException("a stock movement needs at least one unit of " + sku);
    }
  }
}
