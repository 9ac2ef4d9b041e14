package dev.returnkit.spi.logistics;

import java.time.Instant;
import java.util.Objects;

/**
 * A return shipment the carrier has accepted: how to send the parcel and by when.
 *
 * @param carrier the carrier's name
 * @param trackingNumber the carrier's tracking number
 * @param method label or pickup
 * @param labelUrl where the customer downloads the label, or {@code null} for a pickup
 * @param dropOffDeadline the time by which the parcel must be handed over; after it the case
 *     expires
 */
public record ShipmentArrangement(
    String carrier,
    String trackingNumber,
    ShippingMethod method,
    String labelUrl,
    Instant dropOffDeadline) {

  public ShipmentArrangement {
    Objects.requireNonNull(carrier, "carrier");
    Objects.requireNonNull(trackingNumber, "trackingNumber");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(dropOffDeadline, "dropOffDeadline");
  }
}
