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
 * @param arrangedAt when the case recorded the arrangement: stamped by returnkit (an adapter
 *     leaves it {@code null}); a carrier's report dated before it is refused. {@code null} on
 *     cases stored before returnkit kept it.
 */
public record ShipmentArrangement(
    String carrier,
    String trackingNumber,
    ShippingMethod method,
    String labelUrl,
    Instant dropOffDeadline,
    Instant arrangedAt) {

  public ShipmentArrangement {
    Objects.requireNonNull(carrier, "carrier");
    Objects.requireNonNull(trackingNumber, "trackingNumber");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(dropOffDeadline, "dropOffDeadline");
  }

  /**
   * A shipment as the carrier accepted it, not yet recorded by a case: what a {@link
   * ReturnLogistics} adapter returns.
   *
   * @param carrier the carrier's name
   * @param trackingNumber the carrier's tracking number
   * @param method label or pickup
   * @param labelUrl where the customer downloads the label, or {@code null} for a pickup
   * @param dropOffDeadline the time by which the parcel must be handed over
   */
  public ShipmentArrangement(String carrier, String trackingNumber, ShippingMethod method,
      String labelUrl, Instant dropOffDeadline) {
    this(carrier, trackingNumber, method, labelUrl, dropOffDeadline, null);
  }

  /**
   * The same shipment, recorded by a case at a time.
   *
   * @param at when the case recorded it
   * @return the shipment
   */
  public ShipmentArrangement withArrangedAt(Instant at) {
    return new ShipmentArrangement(carrier, trackingNumber, method, labelUrl, dropOffDeadline,
        Objects.requireNonNull(at, "at"));
  }
}
