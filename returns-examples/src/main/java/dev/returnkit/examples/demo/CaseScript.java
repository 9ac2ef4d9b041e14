package dev.returnkit.examples.demo;

import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the people around one return will do in the demo, drawn before the run: the customer's
 * request, the reviewer's call, when the parcel goes and what the carrier reports, what the
 * warehouse finds. returnkit then decides everything else with its policies; a script never
 * says what the outcome is, only how the world behaves.
 *
 * <p>Scripts are drawn up front from the seed, so the same seed always gives the same world,
 * whatever the policies decide.
 *
 * @param number the script's position, from 1
 * @param customer who returns
 * @param order the order returned from
 * @param requestAt when the customer asks
 * @param lines what the customer asks to return, and why
 * @param review what a reviewer decides if the case is sent to review
 * @param shipment how and when the customer sends the parcel
 * @param parcel what the carrier reports on the way
 * @param warehouse what the warehouse counts and finds
 * @param settleAfter how long after inspection (or loss) the settlement runs
 */
record CaseScript(
    int number,
    DemoCustomer customer,
    OrderSnapshot order,
    Instant requestAt,
    List<RequestedLine> lines,
    Review review,
    Shipment shipment,
    Parcel parcel,
    Warehouse warehouse,
    Duration settleAfter) {

  /**
   * A reviewer's call on a case sent to manual review.
   *
   * @param after how long the case waits in the review queue
   * @param approve whether the reviewer approves it
   * @param rejectionCode the reason code given when rejecting
   */
  record Review(Duration after, boolean approve, String rejectionCode) {}

  /**
   * How the customer sends the goods back.
   *
   * @param method a label to print, or a pickup
   * @param arrangeAfter how long after approval the customer asks for the label or pickup
   * @param dropOffAfter how long after that the parcel is handed over; {@code null} if the
   *     customer never sends it (the case expires)
   * @param cancelAfter how long after arranging the customer withdraws the return; {@code null}
   *     if they do not
   */
  record Shipment(ShippingMethod method, Duration arrangeAfter, Duration dropOffAfter,
      Duration cancelAfter) {}

  /**
   * What happens to the parcel on its way to the warehouse.
   *
   * @param scanGaps time from drop-off to each transit scan (the first is the drop-off scan)
   * @param toDelivery time from the last scan to delivery at the warehouse
   * @param delay extra time a delayed parcel spends in the network; zero for most
   * @param lost whether the carrier loses it (and reports it lost instead of delivering)
   * @param deliveryScanMissing whether the carrier never reports the delivery (the warehouse's
   *     count is then the first sign the parcel arrived)
   * @param staleScanAfterDelivery whether an old transit scan reaches returnkit after the
   *     delivery (out-of-order carrier feeds)
   */
  record Parcel(List<Duration> scanGaps, Duration toDelivery, Duration delay, boolean lost,
      boolean deliveryScanMissing, boolean staleScanAfterDelivery) {}

  /**
   * What the warehouse counts and finds.
   *
   * @param receiveAfter how long after delivery the parcel is counted
   * @param missingUnits units missing from the parcel, by order line
   * @param inspectAfter how long after counting it is inspected
   * @param findings the grade and findings per order line
   */
  record Warehouse(Duration receiveAfter, Map<OrderLineId, Integer> missingUnits,
      Duration inspectAfter, Map<OrderLineId, Finding> findings) {}

  /**
   * What an inspector finds on a returned line.
   *
   * @param grade the condition
   * @param findings what was found
   * @param acceptNone whether the inspector accepts none of the units (another item, or a
   *     serial number that does not match)
   */
  record Finding(ItemGrade grade, Set<InspectionFinding> findings, boolean acceptNone) {}
}
