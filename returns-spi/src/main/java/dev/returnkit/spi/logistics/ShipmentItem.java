package dev.returnkit.spi.logistics;

import dev.returnkit.spi.id.Sku;
import java.util.Objects;

/**
 * One product in a return parcel.
 *
 * @param sku the product
 * @param quantity units, at least 1
 */
public record ShipmentItem(Sku sku, int quantity) {

  public ShipmentItem {
    Objects.requireNonNull(sku, "sku");
    if (quantity < 1) {
      throw new IllegalArgumentException("a shipment item needs at least one unit of " + sku);
    }
  }
}
