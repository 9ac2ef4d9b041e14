package dev.returnkit.core.shipment;

import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.vocabulary.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * How the customer wants to send the goods back.
 *
 * @param method label or pickup
 * @param requestedBy who asked
 */
public record ShipmentOptions(@NotNull ShippingMethod method,
    @NotNull @Valid Actor requestedBy) {

  /**
   * A label the customer prints and takes to a drop-off point.
   *
   * @param requestedBy who asked
   * @return the options
   */
  public static ShipmentOptions label(Actor requestedBy) {
    return new ShipmentOptions(ShippingMethod.LABEL, requestedBy);
  }

  /**
   * A pickup at the customer's address.
   *
   * @param requestedBy who asked
   * @return the options
   */
  public static ShipmentOptions pickup(Actor requestedBy) {
    return new ShipmentOptions(ShippingMethod.PICKUP, requestedBy);
  }
}
