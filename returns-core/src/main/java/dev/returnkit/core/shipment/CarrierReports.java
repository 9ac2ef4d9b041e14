package dev.returnkit.core.shipment;

import dev.returnkit.spi.Violation;
import dev.returnkit.spi.Violations;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.logistics.ShipmentArrangement;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a carrier's report relates to the case it names: whether it is for the case's parcel at
 * all, and whether it is older news than what the case already knows. Carrier feeds deliver
 * late and out of order, so a scan after the delivery or a repeated loss report is expected
 * and changes nothing.
 */
public final class CarrierReports {

  private CarrierReports() {}

  /**
   * The problems of a report for a case: its tracking number must be the arranged shipment's,
   * and it must be dated between the arrangement and the clock (plus a tolerance for the
   * carrier's clock).
   *
   * @param returnCase the case
   * @param event the report
   * @param now returnkit's clock
   * @param tolerance how far ahead of {@code now} the report may be dated
   * @return the problems, empty if none
   */
  public static List<Violation> check(ReturnCaseSnapshot returnCase, CarrierEvent event,
      Instant now, Duration tolerance) {
    ShipmentArrangement shipment = returnCase.shipment();
    Violations violations = new Violations("carrier event");
    if (shipment == null || !shipment.trackingNumber().equals(event.trackingNumber())) {
      violations.add("trackingNumber", "'" + event.trackingNumber()
          + "' is not the tracking number of return case " + returnCase.id()
          + (shipment == null ? "" : " (" + shipment.trackingNumber() + ")"));
    }
    Instant latest = now.plus(tolerance);
    if (event.occurredAt().isAfter(latest)) {
      violations.add("occurredAt", "is " + event.occurredAt() + ", after the clock's " + now
          + " plus the carrier clock tolerance of " + tolerance);
    }
    if (shipment != null && shipment.arrangedAt() != null
        && event.occurredAt().isBefore(shipment.arrangedAt())) {
      violations.add("occurredAt", "is " + event.occurredAt()
          + ", before the shipment was arranged at " + shipment.arrangedAt());
    }
    return violations.list();
  }

  /**
   * Whether a report (for the case's parcel) is older news than what the case knows: a scan
   * or a delivery once the goods are delivered or counted, a loss report then or for a parcel
   * already lost. A report for a case that ended without goods (cancelled, expired, rejected)
   * is not older news: the customer sent goods nobody expects, and someone must look.
   *
   * @param returnCase the case
   * @param event the report
   * @return true if the report changes nothing
   */
  public static boolean isOlderNews(ReturnCaseSnapshot returnCase, CarrierEvent event) {
    boolean goodsArrived = switch (returnCase.status()) {
      case DELIVERED, RECEIVED, INSPECTED, SETTLING, COMPLETED -> true;
      default -> false;
    };
    return switch (event.type()) {
      case IN_TRANSIT, DELIVERED_TO_WAREHOUSE -> goodsArrived;
      case LOST -> goodsArrived
          || returnCase.status() == ReturnStatus.LOST_IN_TRANSIT;
    };
  }
}
