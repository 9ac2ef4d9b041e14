package dev.returnkit.spi.logistics;

import dev.returnkit.spi.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A carrier's report about a return parcel, as the host receives it (a webhook, a feed) and
 * passes it to {@code Returns.recordCarrierEvent}.
 *
 * @param type what happened
 * @param trackingNumber the parcel; must match the case's shipment
 * @param occurredAt when the carrier says it happened
 * @param location where, as the carrier names it, or {@code null}
 */
public record CarrierEvent(
    @NotNull CarrierEventType type,
    @NotBlank @PlainText @Size(max = 64) String trackingNumber,
    @NotNull Instant occurredAt,
    @PlainText @Size(max = 200) String location) {

  /**
   * A scan of the parcel on its way.
   *
   * @param trackingNumber the parcel
   * @param at when the carrier scanned it
   * @param location where, as the carrier names it, or {@code null}
   * @return the report
   */
  public static CarrierEvent inTransit(String trackingNumber, Instant at, String location) {
    return new CarrierEvent(CarrierEventType.IN_TRANSIT, trackingNumber, at, location);
  }

  /**
   * The delivery of the parcel to the warehouse.
   *
   * @param trackingNumber the parcel
   * @param at when the carrier delivered it
   * @return the report
   */
  public static CarrierEvent deliveredToWarehouse(String trackingNumber, Instant at) {
    return new CarrierEvent(CarrierEventType.DELIVERED_TO_WAREHOUSE, trackingNumber, at, null);
  }

  /**
   * The carrier's report that it lost the parcel.
   *
   * @param trackingNumber the parcel
   * @param at when the carrier declared it lost
   * @return the report
   */
  public static CarrierEvent lost(String trackingNumber, Instant at) {
    return new CarrierEvent(CarrierEventType.LOST, trackingNumber, at, null);
  }
}
