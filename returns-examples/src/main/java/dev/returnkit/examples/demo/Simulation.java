package dev.returnkit.examples.demo;

import dev.returnkit.core.ReturnPolicies;
import dev.returnkit.core.ReturnResult;
import dev.returnkit.core.Returns;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.returncase.Cancellation;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.examples.demo.CaseScript.Finding;
import dev.returnkit.examples.demo.CaseScript.Parcel;
import dev.returnkit.spi.PaymentException;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.logistics.CarrierEventType;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.PriorityQueue;

/**
 * Runs a generated world through returnkit, one simulated event at a time.
 *
 * <p>A discrete-event simulation: every step (a customer asking, a reviewer deciding, a scan, a
 * count at the dock, a payment retry) waits in an agenda ordered by simulated time; the loop
 * takes the earliest, moves the {@link SimulationClock} there and calls the {@link Returns}
 * facade as the shop would. What a step schedules next depends on what returnkit decided: a
 * rejected request schedules nothing, a case sent to review waits for its reviewer. Ties are
 * broken by the order steps were scheduled in, so a run is deterministic.
 */
final class Simulation {

  private static final Actor REVIEWER = Actor.supervisor("reviewer-1");
  private static final Actor DOCK = Actor.warehouse("dock-1");
  private static final Actor INSPECTOR = Actor.warehouse("inspector-1");
  private static final int MAX_SETTLEMENT_ATTEMPTS = 10;
  private static final Duration PROGRESS_EVERY = Duration.ofDays(7);

  private final DemoWorld world;
  private final SimulationClock clock;
  private final InMemoryPorts ports;
  private final DemoStorage storage;
  private final SimulatedPaymentProvider provider;
  private final Returns returns;
  private final DemoListener listener;
  private final String policyDescription;
  private final Draw draw;
  private final PriorityQueue<Step> agenda =
      new PriorityQueue<>(Comparator.comparing(Step::at).thenComparingLong(Step::sequence));
  private long scheduled;
  private Instant nextProgress;

  private int requested;
  private int finished;
  private int awaitingExpiry;
  /** The cases whose customer never sends the parcel, for the sweep that closes them. */
  private final Map<ReturnId, CaseRun> neverSent = new HashMap<>();
  private int carrierReports;
  private int staleReportsIgnored;
  private int delayedParcels;
  private int lostParcels;
  private int deliveryScansMissing;
  private int settlementRetries;
  private int expirySweeps;
  private final List<String> errors = new ArrayList<>();

  /** One step of the agenda. */
  private record Step(Instant at, long sequence, String what, Runnable action) {}

  /**
   * A simulation of a world under some policies.
   *
   * @param world the shop and scripts
   * @param policies the return policies in force
   * @param policyDescription where the policies came from, for the report
   * @param seed the seed for the world's own randomness during the run (payment failures,
   *     retry delays)
   * @param storage where returnkit keeps the cases
   * @param listener hears progress
   */
  Simulation(DemoWorld world, ReturnPolicies policies, String policyDescription, long seed,
      DemoStorage storage, DemoListener listener) {
    this.world = world;
    this.clock = new SimulationClock(world.shop().requestsFrom());
    this.ports = InMemoryPorts.create(clock);
    this.provider = new SimulatedPaymentProvider(clock, seed ^ 0x5DEECE66DL, 0.04, 0.02);
    this.draw = new Draw(seed ^ 0x2545F4914F6CDD1DL);
    this.listener = listener;
    this.policyDescription = policyDescription;
    this.nextProgress = world.shop().requestsFrom().plus(PROGRESS_EVERY);
    int[] next = {0};
    this.storage = storage;
    this.returns = ports.wire(Returns.builder())
        .repository(storage.repository())
        .payments(provider)
        .policies(policies)
        .clock(clock)
        .ids(() -> ReturnId.of(String.format("R-%06d", ++next[0])))
        .build();
  }

  /**
   * Runs the month and the weeks after it, until every return reached a final state or has
   * nothing left to wait for.
   *
   * @return what the run left behind
   */
  SimulationResult run() {
    Instant start = world.shop().requestsFrom();
    for (OrderSnapshot order : world.shop().orders()) {
      if (order.placedAt().isAfter(start)) {
        at(order.placedAt(), "order " + order.id(), () -> ports.orders().put(order));
      } else {
        ports.orders().put(order);
      }
    }
    for (CaseScript script : world.scripts()) {
      at(script.requestAt(), "request #" + script.number(), () -> request(script));
    }
    at(start.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)), "expiry sweep",
        this::expirySweep);
    while (!agenda.isEmpty()) {
      Step step = agenda.poll();
      reportProgressUntil(step.at());
      clock.set(step.at());
      try {
        step.action().run();
      } catch (RuntimeException unexpected) {
        errors.add(step.what() + " at " + step.at() + ": " + unexpected);
      }
    }
    listener.progress(progress());
    return result();
  }

  // -------------------------------------------------------------------------------------------
  // The people and systems around returnkit

  private void request(CaseScript script) {
    requested++;
    ReturnResult result = returns.request(new ReturnRequest(script.order().id(),
        script.customer().id(), script.lines(), Actor.customer(script.customer().id().value())));
    decided(new CaseRun(result.returnCase().id(), script), result.returnCase().status());
  }

  /** What happens after eligibility or a reviewer decided. */
  private void decided(CaseRun run, ReturnStatus status) {
    CaseScript script = run.script();
    switch (status) {
      case IN_REVIEW -> after(script.review().after(), run, "review", () -> review(run));
      case APPROVED -> after(script.shipment().arrangeAfter(), run, "shipment",
          () -> arrangeShipment(run));
      case INSPECTED -> after(script.settleAfter(), run, "settlement", () -> settle(run, 1));
      case REJECTED -> finished++;
      default -> errors.add(run + ": unexpected status " + status + " after a decision");
    }
  }

  private void review(CaseRun run) {
    CaseScript.Review review = run.script().review();
    if (review.approve()) {
      ReturnResult result = returns.approve(run.id(), new Approval(REVIEWER, "Checked, fine"));
      decided(run, result.returnCase().status());
    } else {
      returns.reject(run.id(), new Rejection(REVIEWER, review.rejectionCode(),
          "Declined after review"));
      finished++;
    }
  }

  private void arrangeShipment(CaseRun run) {
    CaseScript.Shipment shipment = run.script().shipment();
    returns.arrangeShipment(run.id(), new ShipmentOptions(shipment.method(), run.customer()));
    if (shipment.cancelAfter() != null) {
      after(shipment.cancelAfter(), run, "cancellation", () -> {
        returns.cancel(run.id(), new Cancellation(run.customer(), "Decided to keep it"));
        finished++;
      });
    } else if (shipment.dropOffAfter() == null) {
      awaitingExpiry++; // the customer never sends it; the expiry sweep will close the case
      neverSent.put(run.id(), run);
    } else {
      sendParcel(run, now().plus(shipment.dropOffAfter()));
    }
  }

  /** Schedules the carrier's reports on the parcel and the warehouse's count. */
  private void sendParcel(CaseRun run, Instant dropOff) {
    Parcel parcel = run.script().parcel();
    Instant scan = dropOff;
    for (int i = 0; i < parcel.scanGaps().size(); i++) {
      scan = scan.plus(parcel.scanGaps().get(i));
      String location = i == 0 ? "drop-off point" : "sorting hub " + i;
      carrierReport(run, CarrierEventType.IN_TRANSIT, scan, scan, location);
      if (i == 0 && parcel.lost()) {
        lostParcels++;
        Instant declaredLost = scan.plus(draw.hours(24 * 4, 24 * 9));
        carrierReport(run, CarrierEventType.LOST, declaredLost, declaredLost, null);
        after(declaredLost, Duration.ofDays(1).plus(run.script().settleAfter()), run,
            "settlement", () -> settle(run, 1));
        return;
      }
    }
    if (!parcel.delay().isZero()) {
      delayedParcels++;
    }
    Instant delivered = scan.plus(parcel.toDelivery()).plus(parcel.delay());
    if (parcel.deliveryScanMissing()) {
      deliveryScansMissing++;
    } else {
      carrierReport(run, CarrierEventType.DELIVERED_TO_WAREHOUSE, delivered, delivered,
          "returns warehouse");
    }
    if (parcel.staleScanAfterDelivery()) {
      // An old hub scan the carrier's feed delivers hours late, after the delivery.
      carrierReport(run, CarrierEventType.IN_TRANSIT, delivered.plus(draw.hours(2, 20)), scan,
          "sorting hub (late feed)");
    }
    after(delivered, run.script().warehouse().receiveAfter(), run, "receipt",
        () -> receive(run));
  }

  private void carrierReport(CaseRun run, CarrierEventType type, Instant reportedAt,
      Instant occurredAt, String location) {
    at(reportedAt, run + " carrier " + type, () -> {
      String tracking = returns.find(run.id()).orElseThrow().shipment().trackingNumber();
      carrierReports++;
      ReturnResult result = returns.recordCarrierEvent(run.id(),
          new CarrierEvent(type, tracking, occurredAt, location), Actor.system("carrier-feed"));
      if (result.events().isEmpty()) {
        staleReportsIgnored++;
      }
    });
  }

  private void receive(CaseRun run) {
    ReturnCaseSnapshot current = returns.find(run.id()).orElseThrow();
    Map<dev.returnkit.spi.id.OrderLineId, Integer> missing =
        run.script().warehouse().missingUnits();
    List<ReceivedLine> counted = new ArrayList<>();
    for (ReturnLineSnapshot line : current.lines()) {
      int approved = line.quantities().approved();
      if (approved > 0) {
        int units = Math.max(0, approved - missing.getOrDefault(line.orderLineId(), 0));
        counted.add(new ReceivedLine(line.orderLineId(), units));
      }
    }
    returns.receive(run.id(), new GoodsReceipt(DOCK, counted));
    after(run.script().warehouse().inspectAfter(), run, "inspection", () -> inspect(run));
  }

  private void inspect(CaseRun run) {
    ReturnCaseSnapshot current = returns.find(run.id()).orElseThrow();
    List<InspectedLine> inspected = new ArrayList<>();
    for (ReturnLineSnapshot line : current.lines()) {
      int received = line.quantities().received();
      if (received > 0) {
        Finding finding = run.script().warehouse().findings().get(line.orderLineId());
        inspected.add(new InspectedLine(line.orderLineId(), finding.acceptNone() ? 0 : received,
            finding.grade(), finding.findings(), null));
      }
    }
    returns.inspect(run.id(), new InspectionReport(INSPECTOR, inspected));
    after(run.script().settleAfter(), run, "settlement", () -> settle(run, 1));
  }

  private void settle(CaseRun run, int attempt) {
    try {
      returns.settle(run.id(), Actor.SYSTEM);
      finished++;
    } catch (PaymentException failed) {
      if (!failed.isRetryable() || attempt >= MAX_SETTLEMENT_ATTEMPTS) {
        throw failed;
      }
      // The case stays SETTLING with what was paid; the retry resumes it with the same keys.
      settlementRetries++;
      after(draw.hours(1, 6), run, "settlement retry", () -> settle(run, attempt + 1));
    }
  }

  private void expirySweep() {
    expirySweeps++;
    List<ReturnResult> swept = returns.expireOverdue(now(), Actor.SYSTEM);
    awaitingExpiry -= swept.size();
    for (ReturnResult result : swept) {
      CaseRun run = neverSent.remove(result.returnCase().id());
      if (result.returnCase().status() == ReturnStatus.SETTLING) {
        // An advance replacement's charge the provider did not confirm: settled again later,
        // like any settlement that failed (which counts it finished).
        after(draw.hours(1, 6), run, "settlement retry", () -> settle(run, 2));
      } else {
        finished++;
      }
    }
    if (!agenda.isEmpty() || awaitingExpiry > 0) {
      at(now().plus(Duration.ofDays(1)), "expiry sweep", this::expirySweep);
    }
  }

  // -------------------------------------------------------------------------------------------
  // The agenda

  /** A return in the simulation: returnkit's id and the script it follows. */
  private record CaseRun(ReturnId id, CaseScript script) {

    Actor customer() {
      return Actor.customer(script.customer().id().value());
    }

    @Override
    public String toString() {
      return id + " (request #" + script.number() + ")";
    }
  }

  private void after(Duration delay, CaseRun run, String what, Runnable action) {
    after(now(), delay, run, what, action);
  }

  private void after(Instant from, Duration delay, CaseRun run, String what, Runnable action) {
    at(from.plus(delay), run + " " + what, action);
  }

  private void at(Instant when, String what, Runnable action) {
    agenda.add(new Step(when, scheduled++, what, action));
  }

  private Instant now() {
    return clock.instant();
  }

  private void reportProgressUntil(Instant time) {
    while (!time.isBefore(nextProgress)) {
      listener.progress(new DemoListener.Progress(nextProgress, requested, finished,
          world.scripts().size(), false));
      nextProgress = nextProgress.plus(PROGRESS_EVERY);
    }
  }

  private DemoListener.Progress progress() {
    return new DemoListener.Progress(now(), requested, finished, world.scripts().size(),
        true);
  }

  private SimulationResult result() {
    List<ReturnCaseSnapshot> cases = storage.cases();
    Map<ReturnId, List<HistoryEntry>> histories = new LinkedHashMap<>();
    cases.forEach(c -> histories.put(c.id(), storage.history(c.id())));
    StorageStats storageStats = storage.stats();
    OptionalInt outboxEvents = storage.relayOutbox().map(OptionalInt::of)
        .orElse(OptionalInt.empty());
    SimulationStats stats = new SimulationStats(carrierReports, staleReportsIgnored,
        delayedParcels, lostParcels, deliveryScansMissing, provider.attempts(),
        provider.timeoutsBeforePaying(), provider.timeoutsAfterPaying(), settlementRetries,
        expirySweeps, errors);
    return new SimulationResult(world.shop(), policyDescription, cases, histories,
        ports.events().events(), provider.receipts(), provider.paid(), stats, storageStats,
        outboxEvents);
  }
}
