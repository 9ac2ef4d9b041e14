package dev.returnkit.core.inmemory;

import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.ReturnLogistics;
import dev.returnkit.spi.logistics.ShipmentArrangement;
import dev.returnkit.spi.logistics.ShipmentRequest;
import dev.returnkit.spi.logistics.ShippingMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link ReturnLogistics} that books nothing real: it hands out tracking numbers
 * {@code RK000001}, ... and a drop-off deadline a fixed time after the request, and records
 * every call so tests and the demo can show what was asked. Idempotent per case, as the port
 * requires. Thread-safe.
 */
public final class InMemoryReturnLogistics implements ReturnLogistics {

  /** The carrier name it reports. */
  public static final String CARRIER = "returnkit-post";

  private final Duration dropOffWindow;
  private final Map<ReturnId, ShipmentArrangement> arranged = new HashMap<>();
  private final List<ShipmentRequest> requests = new ArrayList<>();
  private final Set<String> cancelled = new LinkedHashSet<>();
  private final Map<ReturnId, List<String>> cancelledByCase = new HashMap<>();
  private int nextTracking = 1;

  /** Logistics with a 14-day drop-off window. */
  public InMemoryReturnLogistics() {
    this(Duration.ofDays(14));
  }

  /**
   * Logistics with a given drop-off window.
   *
   * @param dropOffWindow the time the customer has to hand the parcel over
   */
  public InMemoryReturnLogistics(Duration dropOffWindow) {
    this.dropOffWindow = Objects.requireNonNull(dropOffWindow, "dropOffWindow");
  }

  @Override
  public synchronized ShipmentArrangement arrange(ShipmentRequest request) {
    requests.add(request);
    return arranged.computeIfAbsent(request.returnId(), id -> {
      String tracking = String.format("RK%06d", nextTracking++);
      String label = request.method() == ShippingMethod.LABEL
          ? "https://labels.example/" + tracking + ".pdf" : null;
      return new ShipmentArrangement(CARRIER, tracking, request.method(), label,
          request.requestedAt().plus(dropOffWindow));
    });
  }

  @Override
  public synchronized void cancel(ReturnId returnId, String trackingNumber) {
    cancelled.add(trackingNumber);
    cancelledByCase.computeIfAbsent(returnId, id -> new ArrayList<>()).add(trackingNumber);
  }

  /**
   * Every arrange call, repeats included, in order.
   *
   * @return the requests
   */
  public synchronized List<ShipmentRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * The shipment arranged for a case.
   *
   * @param returnId the case
   * @return the arrangement, or null if none
   */
  public synchronized ShipmentArrangement arrangementOf(ReturnId returnId) {
    return arranged.get(returnId);
  }

  /**
   * Tracking numbers of the shipments cancelled for one case.
   *
   * @param returnId the case
   * @return its cancelled tracking numbers, in order
   */
  public synchronized List<String> cancelledFor(ReturnId returnId) {
    return List.copyOf(cancelledByCase.getOrDefault(returnId, List.of()));
  }

  /**
   * Tracking numbers of cancelled shipments.
   *
   * @return the cancelled tracking numbers, in order
   */
  public synchronized List<String> cancelled() {
    return List.copyOf(cancelled);
  }
}
