package dev.returnkit.core.returncase;

import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.core.policy.PolicyOutcomes;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.LineEligibility;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.core.settlement.LineSettlement;
import dev.returnkit.core.settlement.SettlementDecision;
import dev.returnkit.core.settlement.SettlementFacts;
import dev.returnkit.core.settlement.SettlementLineFacts;
import dev.returnkit.core.warehouse.DispositionDecision;
import dev.returnkit.core.warehouse.DispositionFacts;
import dev.returnkit.core.warehouse.DispositionLineFacts;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.LiabilityDecision;
import dev.returnkit.core.warehouse.LiabilityFacts;
import dev.returnkit.core.warehouse.LiabilityLineFacts;
import dev.returnkit.core.warehouse.LineDisposition;
import dev.returnkit.core.warehouse.LineLiability;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.spi.IllegalReturnTransitionException;
import dev.returnkit.spi.InvalidDecisionException;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.Violations;
import dev.returnkit.spi.event.EventHeader;
import dev.returnkit.spi.event.LineQuantity;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.history.HistoryChain;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.inventory.StockMovement;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.logistics.ShipmentArrangement;
import dev.returnkit.spi.logistics.ShipmentItem;
import dev.returnkit.spi.logistics.ShipmentRequest;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.LineMoney;
import dev.returnkit.spi.storage.LineQuantities;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A customer return against one order: the aggregate root of returnkit.
 *
 * <p>Its state changes only through its commands ({@link #approve}, {@link #receive},
 * {@link #beginSettlement}, ...). Each command first checks the {@link Lifecycle} table and its
 * input, and throws before changing anything if either is wrong: an
 * {@link IllegalReturnTransitionException} naming the state and the command, or an
 * {@link dev.returnkit.spi.InvalidReturnRequestException} listing every problem with
 * the input. Only then does it change the case, append exactly one {@link HistoryEntry} (who,
 * when, what, from which state to which, why) and return the {@link ReturnEvent}s it produced.
 *
 * <p>The invariants it holds itself, whatever its caller or a policy does:
 * <ul>
 *   <li>a line never holds more units than were bought minus what other cases hold;
 *   <li>received &le; approved &le; requested, accepted &le; approved;
 *   <li>the money refunded for an order line never exceeds what was paid for it, and nothing is
 *       paid out beyond what is due (refunds are clamped to the paid value of the accepted
 *       units and to what other cases have not refunded yet);
 *   <li>every change appends one history entry, chained by hash to the one before.
 * </ul>
 *
 * <p>The aggregate never does I/O: the {@code Returns} facade loads it from a
 * {@link ReturnCaseSnapshot}, asks the policies and ports, runs the command and stores
 * {@link #pendingWrite()}. Not thread-safe: one instance per use case call.
 */
public final class ReturnCase {

  /** Prefix of the provider reference of a payment made outside the payment provider. */
  public static final String OUTSIDE_PROVIDER = "OUTSIDE:";

  private final ReturnId id;
  private final OrderId orderId;
  private final CustomerId customerId;
  private final Instant requestedAt;
  private final ServiceLevels serviceLevels;
  private final List<ReturnLine> lines;
  private long storedVersion;
  private HistoryHead historyHead;
  private ReturnStatus status;
  private Instant updatedAt;
  private Instant dueAt;
  private ReturnShippingPayer returnShippingPaidBy;
  private ShipmentArrangement shipment;
  private final Money outboundShippingPaid;
  private Money outboundShippingRefund;
  private List<SettlementPayment> payments;
  private final List<HistoryEntry> pendingHistory = new ArrayList<>();
  private final List<ReturnEvent> pendingEvents = new ArrayList<>();

  private ReturnCase(ReturnCaseSnapshot s, long storedVersion, ServiceLevels serviceLevels) {
    this.id = s.id();
    this.orderId = s.orderId();
    this.customerId = s.customerId();
    this.requestedAt = s.requestedAt();
    this.serviceLevels = Objects.requireNonNull(serviceLevels, "serviceLevels");
    this.lines = new ArrayList<>();
    for (ReturnLineSnapshot line : s.lines()) {
      lines.add(ReturnLine.fromSnapshot(line));
    }
    this.storedVersion = storedVersion;
    this.historyHead = s.historyHead();
    this.status = s.status();
    this.updatedAt = s.updatedAt();
    this.dueAt = s.dueAt();
    this.returnShippingPaidBy = s.returnShippingPaidBy();
    this.shipment = s.shipment();
    this.outboundShippingPaid = s.outboundShippingPaid();
    this.outboundShippingRefund = s.outboundShippingRefund();
    this.payments = s.payments();
  }

  /**
   * Rebuilds a stored case.
   *
   * @param snapshot the stored state
   * @param serviceLevels the deadlines to apply to its next steps
   * @return the case, with nothing pending
   */
  public static ReturnCase fromSnapshot(ReturnCaseSnapshot snapshot, ServiceLevels serviceLevels) {
    return new ReturnCase(snapshot, snapshot.version(), serviceLevels);
  }

  // ---------------------------------------------------------------------------------------
  // Request

  /**
   * Checks a request against its order and the order's other returns: the customer is the
   * order's, each line is on the order and requested once, and no line asks for more units than
   * were bought minus those other cases hold (DOMAIN.md, worked case 9).
   *
   * @param request the structurally valid request
   * @param order the order it names
   * @param ledger what other cases of the order hold
   * @return every problem found, empty if none
   */
  public static List<Violation> checkRequest(
      ReturnRequest request, OrderSnapshot order, OrderReturnLedger ledger) {
    Violations violations = new Violations("return request");
    if (!order.customerId().equals(request.customerId())) {
      violations.add("customerId", "is not the customer of order " + order.id());
    }
    Set<OrderLineId> seen = new HashSet<>();
    for (int i = 0; i < request.lines().size(); i++) {
      RequestedLine line = request.lines().get(i);
      String path = "lines[" + i + "]";
      if (!seen.add(line.orderLineId())) {
        violations.add(path + ".orderLineId", "order line " + line.orderLineId()
            + " appears more than once in the request");
        continue;
      }
      Optional<OrderLine> orderLine = order.line(line.orderLineId());
      if (orderLine.isEmpty()) {
        violations.add(path + ".orderLineId",
            "order line " + line.orderLineId() + " is not on order " + order.id());
        continue;
      }
      int bought = orderLine.get().quantity();
      int held = ledger.unitsHeld(line.orderLineId());
      int returnable = Math.max(0, bought - held);
      if (line.quantity() > returnable) {
        violations.add(path + ".quantity", "must be at most " + returnable + " (bought " + bought
            + ", already returned or being returned " + held + ")");
      }
    }
    return violations.list();
  }

  /**
   * Opens a case from a request and the eligibility decision on it. The case starts in
   * {@code APPROVED}, {@code IN_REVIEW} (any line needs review) or {@code REJECTED} (every line
   * rejected).
   *
   * @param id the new case's id
   * @param request the structurally valid request
   * @param order the order it names
   * @param ledger what other cases of the order hold
   * @param decision the eligibility decision, one outcome per requested line
   * @param serviceLevels deadlines for the next steps
   * @param at the time, from the clock
   * @return the new case, with its first history entry and events pending
   * @throws dev.returnkit.spi.InvalidReturnRequestException if the request
   *     contradicts the order
   * @throws InvalidDecisionException if the decision does not cover exactly the requested lines
   */
  public static ReturnCase request(ReturnId id, ReturnRequest request, OrderSnapshot order,
      OrderReturnLedger ledger, EligibilityDecision decision, ServiceLevels serviceLevels,
      Instant at) {
    new Violations("return request").addAll(checkRequest(request, order, ledger)).throwIfAny();
    if (!order.id().equals(request.orderId())) {
      throw new IllegalArgumentException(
          "request names order " + request.orderId() + " but order " + order.id() + " was given");
    }
    List<OrderLineId> requestedIds = request.lines().stream().map(RequestedLine::orderLineId)
        .toList();
    PolicyOutcomes.requireOnePerLine("eligibility", requestedIds,
        decision.lines().stream().map(LineEligibility::orderLineId).toList());

    Map<OrderLineId, LineEligibility> byLine = new HashMap<>();
    decision.lines().forEach(outcome -> byLine.put(outcome.orderLineId(), outcome));
    List<ReturnLineSnapshot> lines = new ArrayList<>();
    for (RequestedLine requested : request.lines()) {
      OrderLine orderLine = order.line(requested.orderLineId()).orElseThrow();
      LineEligibility outcome = byLine.get(requested.orderLineId());
      boolean approved = outcome.verdict() == LineVerdict.APPROVED;
      lines.add(new ReturnLineSnapshot(orderLine.id(), orderLine.sku(), orderLine.category(),
          orderLine.unitPricePaid(), orderLine.quantity(), requested.reason(),
          requested.resolution(), requested.note(), outcome.verdict(),
          outcome.rationale().reasonCodes(), approved && outcome.returnless(),
          new LineQuantities(requested.quantity(), approved ? requested.quantity() : 0, 0, 0),
          null, null, null, null, LineMoney.zero(order.currency())));
    }
    ReturnStatus start = statusAfterRequest(decision);
    Instant due = switch (start) {
      case IN_REVIEW -> at.plus(serviceLevels.review());
      case APPROVED -> at.plus(serviceLevels.shipment());
      default -> null;
    };
    // The case is built in its starting state; the first history entry records the move from
    // "no case" to it.
    ReturnCaseSnapshot initial = new ReturnCaseSnapshot(id, 1, HistoryHead.EMPTY,
        request.orderId(), request.customerId(), start, at, at, due,
        decision.returnShippingPaidBy(), null, lines, order.shippingPaid(),
        Money.zero(order.currency()), List.of());
    ReturnCase created = new ReturnCase(initial, 0, serviceLevels);
    Rationale why = decision.overallRationale();

    List<Function<EventHeader, ReturnEvent>> events = new ArrayList<>();
    List<ReturnEvent.RequestedItem> items = request.lines().stream()
        .map(line -> new ReturnEvent.RequestedItem(line.orderLineId(),
            order.line(line.orderLineId()).orElseThrow().sku(), line.quantity(), line.reason()))
        .toList();
    events.add(h -> new ReturnEvent.ReturnRequested(h, request.orderId(), request.customerId(),
        items));
    switch (start) {
      case APPROVED -> events.add(h -> new ReturnEvent.ReturnApproved(h, created.approvedItems()));
      case IN_REVIEW -> events.add(h -> new ReturnEvent.ReturnSentToReview(h,
          created.codesOfLines(LineVerdict.IN_REVIEW)));
      default -> events.add(h -> new ReturnEvent.ReturnRejected(h,
          created.codesOfLines(LineVerdict.REJECTED)));
    }
    created.record(ReturnCommand.REQUEST, null, start, request.requestedBy(), at,
        why.reasonCodes(), why.rules(), null, events);
    return created;
  }

  /**
   * The state a request opens its case in, given the eligibility decision: {@code IN_REVIEW}
   * if any line needs review, else {@code APPROVED} if any line is approved, else
   * {@code REJECTED}.
   *
   * @param decision the eligibility decision
   * @return the starting state
   */
  public static ReturnStatus statusAfterRequest(EligibilityDecision decision) {
    boolean anyReview = false;
    boolean anyApproved = false;
    for (LineEligibility line : decision.lines()) {
      anyReview |= line.verdict() == LineVerdict.IN_REVIEW;
      anyApproved |= line.verdict() == LineVerdict.APPROVED;
    }
    if (anyReview) {
      return ReturnStatus.IN_REVIEW;
    }
    return anyApproved ? ReturnStatus.APPROVED : ReturnStatus.REJECTED;
  }

  // ---------------------------------------------------------------------------------------
  // Review

  /**
   * A reviewer approves a case in review: every line in review is approved in full; lines the
   * policy rejected stay rejected.
   *
   * @param approval the reviewer and their note
   * @param at the time
   * @return the events: {@code ReturnApproved}
   */
  public List<ReturnEvent> approve(Approval approval, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.APPROVE);
    for (ReturnLine line : lines) {
      if (line.verdict() == LineVerdict.IN_REVIEW) {
        List<String> codes = new ArrayList<>(line.verdictCodes());
        codes.add("APPROVED_IN_REVIEW");
        // A reviewer approves a return of the goods; keeping them is the policy's call only.
        line.decide(LineVerdict.APPROVED, codes, line.quantities().requested(), false);
      }
    }
    dueAt = at.plus(serviceLevels.shipment());
    List<ReturnEvent> events = record(ReturnCommand.APPROVE, status, target, approval.reviewer(),
        at, List.of("APPROVED_IN_REVIEW"), List.of(), approval.note(),
        List.of(h -> new ReturnEvent.ReturnApproved(h, approvedItems())));
    return events;
  }

  /**
   * A reviewer rejects a case in review: every line is rejected with the reviewer's reason code.
   *
   * @param rejection the reviewer, reason code and note
   * @param at the time
   * @return the events: {@code ReturnRejected}
   */
  public List<ReturnEvent> reject(Rejection rejection, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.REJECT);
    for (ReturnLine line : lines) {
      if (line.verdict() != LineVerdict.REJECTED) {
        line.decide(LineVerdict.REJECTED, List.of(rejection.reasonCode()), 0, false);
      }
    }
    dueAt = null;
    return record(ReturnCommand.REJECT, status, target, rejection.reviewer(), at,
        List.of(rejection.reasonCode()), List.of(), rejection.note(),
        List.of(h -> new ReturnEvent.ReturnRejected(h, List.of(rejection.reasonCode()))));
  }

  // ---------------------------------------------------------------------------------------
  // Shipment and carrier

  /**
   * Whether the policy let the customer keep every approved line, so the case can skip the
   * shipment ({@link #grantReturnlessRefund}).
   *
   * @return true for an approved case whose approved lines are all returnless
   */
  public boolean qualifiesForReturnlessRefund() {
    if (status != ReturnStatus.APPROVED) {
      return false;
    }
    boolean anyApproved = false;
    for (ReturnLine line : lines) {
      if (line.isApproved()) {
        anyApproved = true;
        if (!line.returnless()) {
          return false;
        }
      }
    }
    return anyApproved;
  }

  /**
   * What the logistics port must arrange for this case: the approved units.
   *
   * @param method label or pickup
   * @param at the time
   * @return the shipment request
   */
  public ShipmentRequest shipmentRequest(ShippingMethod method, Instant at) {
    requireAllowed(ReturnCommand.ARRANGE_SHIPMENT);
    List<ShipmentItem> items = new ArrayList<>();
    for (ReturnLine line : lines) {
      if (line.isApproved()) {
        items.add(new ShipmentItem(line.sku(), line.quantities().approved()));
      }
    }
    return new ShipmentRequest(id, orderId, customerId, method, returnShippingPaidBy, items, at);
  }

  /**
   * Records the shipment the carrier arranged: the case now waits for the customer to send the
   * goods, until the drop-off deadline. Lines the policy had marked returnless travel too
   * (returnless refunds are all-or-nothing per case).
   *
   * @param arrangement carrier, tracking number, label, deadline
   * @param actor who asked for it
   * @param at the time
   * @return the events: {@code ReturnShipmentArranged}
   */
  public List<ReturnEvent> arrangeShipment(ShipmentArrangement arrangement, Actor actor,
      Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.ARRANGE_SHIPMENT);
    Objects.requireNonNull(arrangement, "arrangement");
    lines.forEach(ReturnLine::clearReturnless);
    shipment = arrangement;
    dueAt = arrangement.dropOffDeadline();
    return record(ReturnCommand.ARRANGE_SHIPMENT, status, target, actor, at, List.of(),
        List.of(), arrangement.carrier() + " " + arrangement.trackingNumber(),
        List.of(h -> new ReturnEvent.ReturnShipmentArranged(h, arrangement)));
  }

  /**
   * The facts for deciding liability of a returnless refund: the approved lines, no inspection.
   *
   * @return one fact per approved line
   */
  public LiabilityFacts liabilityFactsForReturnless() {
    return liabilityFactsWithoutGoods(true, false);
  }

  /**
   * The facts for deciding liability of a parcel lost in transit: the approved lines, no
   * inspection.
   *
   * @return one fact per approved line
   */
  public LiabilityFacts liabilityFactsForLoss() {
    return liabilityFactsWithoutGoods(false, true);
  }

  private LiabilityFacts liabilityFactsWithoutGoods(boolean returnless, boolean lost) {
    List<LiabilityLineFacts> facts = new ArrayList<>();
    for (ReturnLine line : lines) {
      if (line.isApproved()) {
        facts.add(new LiabilityLineFacts(line.orderLineId(), line.sku(), line.category(),
            line.reason(), null, returnless, lost));
      }
    }
    return new LiabilityFacts(id, facts);
  }

  /**
   * Lets the customer keep the goods, as the policy allowed: every approved unit is accepted
   * for settlement without a shipment or an inspection.
   *
   * @param liability the liability decided for the approved lines
   * @param actor who granted it (usually the system)
   * @param at the time
   * @return the events: {@code ReturnlessRefundGranted}
   */
  public List<ReturnEvent> grantReturnlessRefund(LiabilityDecision liability, Actor actor,
      Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.GRANT_RETURNLESS_REFUND);
    if (!qualifiesForReturnlessRefund()) {
      throw new IllegalStateException("return case " + id
          + " does not qualify for a returnless refund: not every approved line is returnless");
    }
    Map<OrderLineId, LineLiability> decided = liabilityByLine(liability, approvedLineIds());
    for (ReturnLine line : lines) {
      if (line.isApproved()) {
        line.acceptWithoutGoods(decided.get(line.orderLineId()).liability());
      }
    }
    dueAt = at.plus(serviceLevels.settlement());
    Rationale why = liability.overallRationale();
    return record(ReturnCommand.GRANT_RETURNLESS_REFUND, status, target, actor, at,
        why.reasonCodes(), why.rules(), null,
        List.of(ReturnEvent.ReturnlessRefundGranted::new));
  }

  /**
   * Records a carrier's scan of the parcel on its way.
   *
   * @param event the scan
   * @param actor the feed that reported it
   * @param at the time
   * @return the events: {@code ReturnInTransit}
   */
  public List<ReturnEvent> recordInTransit(CarrierEvent event, Actor actor, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.RECORD_IN_TRANSIT);
    requireTrackingNumber(event);
    // Every scan shows the parcel moving; silence for longer than this makes it overdue.
    dueAt = at.plus(serviceLevels.transit());
    return record(ReturnCommand.RECORD_IN_TRANSIT, status, target, actor, at, List.of(),
        List.of(), event.location(),
        List.of(h -> new ReturnEvent.ReturnInTransit(h, event.trackingNumber(),
            event.location())));
  }

  /**
   * Records that the carrier delivered the parcel to the warehouse; the warehouse still has to
   * count it ({@link #receive}). From here on the parcel can no longer be reported lost.
   *
   * @param event the delivery scan
   * @param actor the feed that reported it
   * @param at the time
   * @return the events: {@code ReturnDeliveredToWarehouse}
   */
  public List<ReturnEvent> recordDelivery(CarrierEvent event, Actor actor, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.RECORD_DELIVERY);
    requireTrackingNumber(event);
    dueAt = at.plus(serviceLevels.inspection());
    return record(ReturnCommand.RECORD_DELIVERY, status, target, actor, at, List.of(),
        List.of(), event.location(),
        List.of(h -> new ReturnEvent.ReturnDeliveredToWarehouse(h, event.trackingNumber())));
  }

  /**
   * Records that the carrier lost the parcel: every approved unit is accepted for settlement
   * without goods, with the liability the policy decided (the carrier, by default).
   *
   * @param event the loss report
   * @param liability the liability decided for the approved lines
   * @param actor the feed that reported it
   * @param at the time
   * @return the events: {@code ReturnLostInTransit}
   */
  public List<ReturnEvent> recordLoss(CarrierEvent event, LiabilityDecision liability,
      Actor actor, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.RECORD_LOSS);
    requireTrackingNumber(event);
    Map<OrderLineId, LineLiability> decided = liabilityByLine(liability, approvedLineIds());
    for (ReturnLine line : lines) {
      if (line.isApproved()) {
        line.acceptWithoutGoods(decided.get(line.orderLineId()).liability());
      }
    }
    dueAt = at.plus(serviceLevels.settlement());
    Rationale why = liability.overallRationale();
    return record(ReturnCommand.RECORD_LOSS, status, target, actor, at, why.reasonCodes(),
        why.rules(), event.location(),
        List.of(h -> new ReturnEvent.ReturnLostInTransit(h, event.trackingNumber())));
  }

  /**
   * Whether a carrier report is older news than what the case already knows: a scan after the
   * delivery, a delivery or loss report once the goods are delivered or counted, a repeated
   * loss report. Carrier feeds deliver late and out of order; such reports change nothing and
   * are not errors. A report for a case that ended without goods (cancelled, expired, rejected)
   * is not superseded: the customer sent goods nobody expects, and someone must look.
   *
   * @param event the carrier's report; its tracking number must be the case's
   * @return true if the report should be ignored
   * @throws dev.returnkit.spi.InvalidReturnRequestException if the tracking number
   *     is not the case's
   */
  public boolean isSupersededBy(CarrierEvent event) {
    requireTrackingNumber(event);
    boolean goodsArrived = switch (status) {
      case DELIVERED, RECEIVED, INSPECTED, SETTLING, COMPLETED -> true;
      default -> false;
    };
    return switch (event.type()) {
      case IN_TRANSIT, DELIVERED_TO_WAREHOUSE -> goodsArrived;
      case LOST -> goodsArrived || status == ReturnStatus.LOST_IN_TRANSIT;
    };
  }

  private void requireTrackingNumber(CarrierEvent event) {
    if (shipment == null || !shipment.trackingNumber().equals(event.trackingNumber())) {
      new Violations("carrier event").add("trackingNumber", "'" + event.trackingNumber()
          + "' is not the tracking number of return case " + id
          + (shipment == null ? "" : " (" + shipment.trackingNumber() + ")")).throwIfAny();
    }
  }

  // ---------------------------------------------------------------------------------------
  // Receipt and inspection

  /**
   * Checks a goods receipt against the case: known lines, each once, never more than approved.
   *
   * @param receipt the structurally valid receipt
   * @return every problem found
   */
  public List<Violation> checkReceipt(GoodsReceipt receipt) {
    Violations violations = new Violations("goods receipt");
    Set<OrderLineId> seen = new HashSet<>();
    for (int i = 0; i < receipt.lines().size(); i++) {
      ReceivedLine received = receipt.lines().get(i);
      String path = "lines[" + i + "]";
      Optional<ReturnLine> line = lineNamedOnce(received.orderLineId(), path, seen, violations);
      if (line.isPresent() && received.quantity() > line.get().quantities().approved()) {
        violations.add(path + ".quantity", "must be at most "
            + line.get().quantities().approved() + ", the approved quantity");
      }
    }
    return violations.list();
  }

  /**
   * The warehouse counted what arrived. Approved lines not in the receipt count as zero.
   *
   * @param receipt the counts
   * @param at the time
   * @return the events: {@code ReturnReceived}
   */
  public List<ReturnEvent> receive(GoodsReceipt receipt, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.RECEIVE);
    new Violations("goods receipt").addAll(checkReceipt(receipt)).throwIfAny();
    Map<OrderLineId, Integer> counted = new HashMap<>();
    receipt.lines().forEach(line -> counted.put(line.orderLineId(), line.quantity()));
    List<LineQuantity> received = new ArrayList<>();
    for (ReturnLine line : lines) {
      if (line.isApproved()) {
        int units = counted.getOrDefault(line.orderLineId(), 0);
        line.receive(units);
        received.add(new LineQuantity(line.orderLineId(), line.sku(), units));
      }
    }
    dueAt = at.plus(serviceLevels.inspection());
    return record(ReturnCommand.RECEIVE, status, target, receipt.receivedBy(), at, List.of(),
        List.of(), null, List.of(h -> new ReturnEvent.ReturnReceived(h, received)));
  }

  /**
   * Checks an inspection report against the case: every line that received units is inspected
   * exactly once, no other line is, and no more units are accepted than were received.
   *
   * @param report the structurally valid report
   * @return every problem found
   */
  public List<Violation> checkInspection(InspectionReport report) {
    Violations violations = new Violations("inspection report");
    Set<OrderLineId> seen = new HashSet<>();
    for (int i = 0; i < report.lines().size(); i++) {
      InspectedLine inspected = report.lines().get(i);
      String path = "lines[" + i + "]";
      Optional<ReturnLine> line = lineNamedOnce(inspected.orderLineId(), path, seen, violations);
      if (line.isEmpty()) {
        continue;
      }
      if (line.get().quantities().received() == 0) {
        violations.add(path + ".orderLineId",
            "nothing was received on order line " + inspected.orderLineId());
      } else if (inspected.acceptedQuantity() > line.get().quantities().received()) {
        violations.add(path + ".acceptedQuantity", "must be at most "
            + line.get().quantities().received() + ", the received quantity");
      }
    }
    for (ReturnLine line : lines) {
      if (line.quantities().received() > 0 && !seen.contains(line.orderLineId())) {
        violations.add("lines", "order line " + line.orderLineId() + " received "
            + line.quantities().received() + " unit(s) but is not inspected");
      }
    }
    return violations.list();
  }

  /**
   * The facts for deciding liability after an inspection.
   *
   * @param report a report that passed {@link #checkInspection}
   * @return one fact per inspected line
   */
  public LiabilityFacts liabilityFacts(InspectionReport report) {
    List<LiabilityLineFacts> facts = new ArrayList<>();
    for (InspectedLine inspected : report.lines()) {
      ReturnLine line = requireLine(inspected.orderLineId());
      facts.add(new LiabilityLineFacts(line.orderLineId(), line.sku(), line.category(),
          line.reason(), inspected.inspection(), false, false));
    }
    return new LiabilityFacts(id, facts);
  }

  /**
   * The facts for deciding disposition after an inspection and its liability decision.
   *
   * @param report a report that passed {@link #checkInspection}
   * @param liability the liability decided on it
   * @return one fact per inspected line
   */
  public DispositionFacts dispositionFacts(InspectionReport report, LiabilityDecision liability) {
    Map<OrderLineId, LineLiability> decided =
        liabilityByLine(liability, inspectedLineIds(report));
    List<DispositionLineFacts> facts = new ArrayList<>();
    for (InspectedLine inspected : report.lines()) {
      ReturnLine line = requireLine(inspected.orderLineId());
      facts.add(new DispositionLineFacts(line.orderLineId(), line.sku(), line.category(),
          line.reason(), inspected.acceptedQuantity(), inspected.inspection(),
          decided.get(line.orderLineId()).liability()));
    }
    return new DispositionFacts(id, facts);
  }

  /**
   * Records the warehouse's inspection with the liability and disposition decided on it.
   *
   * @param report grade, findings and accepted units per received line
   * @param liability one liability per inspected line
   * @param disposition one disposition per inspected line
   * @param at the time
   * @return the events: {@code ReturnInspected}
   */
  public List<ReturnEvent> inspect(InspectionReport report, LiabilityDecision liability,
      DispositionDecision disposition, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.INSPECT);
    new Violations("inspection report").addAll(checkInspection(report)).throwIfAny();
    List<OrderLineId> inspectedIds = inspectedLineIds(report);
    Map<OrderLineId, LineLiability> liabilities = liabilityByLine(liability, inspectedIds);
    PolicyOutcomes.requireOnePerLine("disposition", inspectedIds,
        disposition.lines().stream().map(LineDisposition::orderLineId).toList());
    Map<OrderLineId, Disposition> dispositions = new HashMap<>();
    disposition.lines().forEach(d -> dispositions.put(d.orderLineId(), d.disposition()));

    List<ReturnEvent.InspectedLine> outcome = new ArrayList<>();
    for (InspectedLine inspected : report.lines()) {
      ReturnLine line = requireLine(inspected.orderLineId());
      Liability liable = liabilities.get(line.orderLineId()).liability();
      Disposition goesTo = dispositions.get(line.orderLineId());
      line.inspect(inspected.acceptedQuantity(), inspected.inspection(), liable, goesTo);
      outcome.add(new ReturnEvent.InspectedLine(line.orderLineId(), line.sku(),
          inspected.acceptedQuantity(), inspected.grade(), liable, goesTo));
    }
    dueAt = at.plus(serviceLevels.settlement());
    Rationale why = Rationale.union(
        List.of(liability.overallRationale(), disposition.overallRationale()));
    return record(ReturnCommand.INSPECT, status, target, report.inspectedBy(), at,
        why.reasonCodes(), why.rules(), null,
        List.of(h -> new ReturnEvent.ReturnInspected(h, outcome)));
  }

  /**
   * The stock movements the inspection calls for: the accepted units of each inspected line,
   * with their disposition. Each has an idempotency key derived from the case and the line, so
   * sending them again changes nothing.
   *
   * @return the movements, possibly none
   */
  public List<StockMovement> stockMovements() {
    List<StockMovement> movements = new ArrayList<>();
    for (ReturnLine line : lines) {
      if (line.disposition().isPresent() && line.quantities().accepted() > 0) {
        movements.add(new StockMovement(IdempotencyKeys.stock(id, line.orderLineId()), id,
            line.orderLineId(), line.sku(), line.quantities().accepted(),
            line.disposition().get()));
      }
    }
    return movements;
  }

  // ---------------------------------------------------------------------------------------
  // Settlement

  /**
   * The facts for deciding the settlement.
   *
   * @param order the order, for the outbound shipping paid
   * @return the facts, with every line that has units accepted
   */
  public SettlementFacts settlementFacts(OrderSnapshot order) {
    List<SettlementLineFacts> facts = new ArrayList<>();
    for (ReturnLine line : settledLines()) {
      facts.add(new SettlementLineFacts(line.orderLineId(), line.sku(), line.category(),
          line.reason(), line.resolution(), line.unitPrice(), line.quantities().accepted(),
          line.inspection().orElse(null), line.liability().orElseThrow(),
          line.disposition().orElse(null), line.returnless()));
    }
    return new SettlementFacts(id, status == ReturnStatus.LOST_IN_TRANSIT, returnShippingPaidBy,
        order.shippingPaid(), facts);
  }

  /**
   * Decides the money and plans the payments, clamping whatever the policy said: a line's
   * refund is at most what was paid for its accepted units and at most what other cases have
   * not refunded on its order line; fees and charges never exceed the refund they are taken
   * from; outbound shipping is refunded at most once per order. Every clamp adds a reason code
   * to the history entry. Nothing is paid yet: the plan is stored first, so a crash never leads
   * to paying twice.
   *
   * @param decision the settlement policy's decision
   * @param order the order (prices, shipping paid, payment reference)
   * @param ledger what other cases of the order refunded
   * @param actor who settles
   * @param at the time
   * @return the events: {@code SettlementStarted}
   */
  public List<ReturnEvent> beginSettlement(SettlementDecision decision, OrderSnapshot order,
      OrderReturnLedger ledger, Actor actor, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.BEGIN_SETTLEMENT);
    if (!order.id().equals(orderId)) {
      throw new IllegalArgumentException("case " + id + " is for order " + orderId + ", not "
          + order.id());
    }
    List<ReturnLine> settled = settledLines();
    PolicyOutcomes.requireOnePerLine("settlement",
        settled.stream().map(ReturnLine::orderLineId).toList(),
        decision.lines().stream().map(LineSettlement::orderLineId).toList());
    Currency currency = currency();
    requireCurrency(decision.returnShippingCharge(), currency, "return shipping charge");
    requireCurrency(decision.outboundShippingRefund(), currency, "outbound shipping refund");
    Map<OrderLineId, LineSettlement> byLine = new HashMap<>();
    for (LineSettlement line : decision.lines()) {
      requireCurrency(line.itemRefund(), currency, "item refund of " + line.orderLineId());
      requireCurrency(line.restockingFee(), currency, "restocking fee of " + line.orderLineId());
      byLine.put(line.orderLineId(), line);
    }

    Money zero = Money.zero(currency);
    List<String> clamps = new ArrayList<>();
    Map<OrderLineId, LineMoney> money = new HashMap<>();
    Money chargeLeft = decision.returnShippingCharge().max(zero);
    if (decision.returnShippingCharge().isNegative()) {
      clamps.add("RETURN_SHIPPING_CHARGE_CLAMPED");
    }
    for (ReturnLine line : settled) {
      LineSettlement said = byLine.get(line.orderLineId());
      if (!paysMoney(said.method())) {
        money.put(line.orderLineId(), LineMoney.zero(currency));
        continue;
      }
      Money unrefundedOnOrderLine = line.unitPrice().times(line.orderedQuantity())
          .minus(ledger.refunded(line.orderLineId(), currency)).max(zero);
      Money ceiling = line.unitPrice().times(line.quantities().accepted())
          .min(unrefundedOnOrderLine);
      Money refund = clamp(said.itemRefund(), zero, ceiling);
      if (!refund.equals(said.itemRefund())) {
        clamps.add("ITEM_REFUND_CLAMPED:" + line.orderLineId());
      }
      Money fee = clamp(said.restockingFee(), zero, refund);
      if (!fee.equals(said.restockingFee())) {
        clamps.add("RESTOCKING_FEE_CLAMPED:" + line.orderLineId());
      }
      Money charge = chargeLeft.min(refund.minus(fee));
      chargeLeft = chargeLeft.minus(charge);
      money.put(line.orderLineId(), new LineMoney(refund, fee, charge, zero));
    }
    if (chargeLeft.isPositive()) {
      clamps.add("RETURN_SHIPPING_CHARGE_WAIVED");
    }
    Money shippingCeiling = order.shippingPaid()
        .minus(ledger.outboundShippingRefunded(currency)).max(zero);
    Money shippingRefund = clamp(decision.outboundShippingRefund(), zero, shippingCeiling);
    if (!shippingRefund.equals(decision.outboundShippingRefund())) {
      clamps.add("OUTBOUND_SHIPPING_REFUND_CLAMPED");
    }

    // Everything is checked and computed: apply.
    List<SettlementPayment> plan = new ArrayList<>();
    boolean anyRefund = false;
    boolean anyCredit = false;
    for (ReturnLine line : settled) {
      LineSettlement said = byLine.get(line.orderLineId());
      LineMoney lineMoney = money.get(line.orderLineId());
      line.settle(said.method(), lineMoney);
      if (lineMoney.due().isPositive()) {
        PaymentKind kind = kindOf(said.method());
        anyRefund |= kind == PaymentKind.REFUND;
        anyCredit |= kind == PaymentKind.STORE_CREDIT;
        plan.add(SettlementPayment.planned(
            IdempotencyKeys.payment(id, line.orderLineId(), PaymentPurpose.ITEM_REFUND),
            line.orderLineId(), PaymentPurpose.ITEM_REFUND, kind, lineMoney.due()));
      }
    }
    if (shippingRefund.isPositive()) {
      // Shipping goes back the way the items do; to the original payment when in doubt.
      PaymentKind kind = anyCredit && !anyRefund ? PaymentKind.STORE_CREDIT : PaymentKind.REFUND;
      plan.add(SettlementPayment.planned(
          IdempotencyKeys.payment(id, null, PaymentPurpose.OUTBOUND_SHIPPING_REFUND), null,
          PaymentPurpose.OUTBOUND_SHIPPING_REFUND, kind, shippingRefund));
    }
    outboundShippingRefund = shippingRefund;
    payments = List.copyOf(plan);
    Money fees = zero;
    Money charges = zero;
    for (LineMoney lineMoney : money.values()) {
      fees = fees.plus(lineMoney.restockingFee());
      charges = charges.plus(lineMoney.returnShippingCharge());
    }
    Money feesTotal = fees;
    Money chargesTotal = charges;
    Rationale why = decision.overallRationale().withReasonCodes(clamps);
    List<SettlementPayment> planned = payments;
    // The amounts go into the (hash-chained) history, so the books can be audited from it.
    Money refunds = zero;
    Money credits = zero;
    for (SettlementPayment payment : planned) {
      if (payment.kind() == PaymentKind.REFUND) {
        refunds = refunds.plus(payment.amount());
      } else {
        credits = credits.plus(payment.amount());
      }
    }
    String amounts = "to refund " + refunds + ", store credit " + credits + ", restocking fees "
        + feesTotal + ", return shipping charged " + chargesTotal + ", outbound shipping refunded "
        + shippingRefund;
    return record(ReturnCommand.BEGIN_SETTLEMENT, status, target, actor, at, why.reasonCodes(),
        why.rules(), amounts, List.of(h -> new ReturnEvent.SettlementStarted(h, planned,
            feesTotal, chargesTotal, shippingRefund)));
  }

  /**
   * The instructions for the planned payments not yet confirmed, in plan order.
   *
   * @param order the order (payment reference, and the limit: everything the customer paid)
   * @return the instructions, empty when everything is paid
   */
  public List<PaymentInstruction> unpaidInstructions(OrderSnapshot order) {
    List<PaymentInstruction> instructions = new ArrayList<>();
    for (SettlementPayment payment : payments) {
      if (!payment.isPaid()) {
        instructions.add(new PaymentInstruction(payment.idempotencyKey(), id, orderId,
            customerId, order.paymentReference(), payment.kind(), payment.amount(),
            order.totalPaid()));
      }
    }
    return instructions;
  }

  /**
   * Records the payment provider's confirmation of one planned payment.
   *
   * @param receipt the receipt, for a planned and not yet recorded payment
   * @param actor who settles
   * @param at the time
   * @return the events: {@code RefundIssued} or {@code StoreCreditIssued}
   */
  public List<ReturnEvent> recordPayment(PaymentReceipt receipt, Actor actor, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.RECORD_PAYMENT);
    SettlementPayment paid = unpaid(receipt.idempotencyKey()).paidWith(receipt);
    return confirm(paid, target, actor, at, List.of(paid.purpose().name()), null);
  }

  /**
   * Records that a planned payment was made outside the payment provider: the provider refused
   * it for good (a closed card, say) and a supervisor paid the customer another way. The only
   * way out of {@code SETTLING} for such a payment, so it is recorded with who confirmed it and
   * the reference of the outside payment.
   *
   * @param idempotencyKey the planned, unpaid payment
   * @param reference the outside payment's reference (a bank transfer id, a voucher number)
   * @param actor the supervisor confirming it
   * @param note why, for the history
   * @param at the time
   * @return the events: {@code RefundIssued} or {@code StoreCreditIssued}
   */
  public List<ReturnEvent> recordPaymentOutsideProvider(String idempotencyKey, String reference,
      Actor actor, String note, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.RECORD_PAYMENT);
    SettlementPayment planned = unpaid(idempotencyKey);
    SettlementPayment paid = planned.paidWith(new PaymentReceipt(idempotencyKey,
        OUTSIDE_PROVIDER + reference, planned.kind(), planned.amount(), at));
    return confirm(paid, target, actor, at,
        List.of(paid.purpose().name(), "PAID_OUTSIDE_PROVIDER"), note);
  }

  private SettlementPayment unpaid(String idempotencyKey) {
    for (SettlementPayment payment : payments) {
      if (payment.idempotencyKey().equals(idempotencyKey)) {
        if (payment.isPaid()) {
          throw new IllegalStateException("payment " + idempotencyKey + " of return case " + id
              + " is already recorded");
        }
        return payment;
      }
    }
    throw new IllegalArgumentException("return case " + id + " planned no payment with key "
        + idempotencyKey);
  }

  private List<ReturnEvent> confirm(SettlementPayment paid, ReturnStatus target, Actor actor,
      Instant at, List<String> reasonCodes, String note) {
    if (paid.orderLineId() != null) {
      requireLine(paid.orderLineId()).recordPaid(paid.amount());
    }
    List<SettlementPayment> updated = new ArrayList<>(payments.size());
    for (SettlementPayment payment : payments) {
      updated.add(payment.idempotencyKey().equals(paid.idempotencyKey()) ? paid : payment);
    }
    payments = List.copyOf(updated);
    Function<EventHeader, ReturnEvent> event = paid.kind() == PaymentKind.REFUND
        ? h -> new ReturnEvent.RefundIssued(h, paid)
        : h -> new ReturnEvent.StoreCreditIssued(h, paid);
    String what = paid.kind() + " " + paid.amount() + " " + paid.idempotencyKey() + " confirmed as "
        + paid.providerReference();
    return record(ReturnCommand.RECORD_PAYMENT, status, target, actor, at, reasonCodes,
        List.of(), note == null ? what : note + " (" + what + ")", List.of(event));
  }

  /**
   * Whether every planned payment is confirmed, so the settlement can complete.
   *
   * @return true when nothing is left to pay
   */
  public boolean allPaymentsConfirmed() {
    return payments.stream().allMatch(SettlementPayment::isPaid);
  }

  /**
   * Completes a settlement whose planned payments are all confirmed: orders exchanges and
   * repairs, records a claim against the carrier when it is liable, and closes the case.
   *
   * @param actor who settles
   * @param at the time
   * @return the events: {@code ExchangeOrdered}, {@code RepairOrdered},
   *     {@code CarrierClaimRecorded} as they apply, then {@code ReturnCompleted}
   */
  public List<ReturnEvent> completeSettlement(Actor actor, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.COMPLETE_SETTLEMENT);
    for (SettlementPayment payment : payments) {
      if (!payment.isPaid()) {
        throw new IllegalStateException("return case " + id + " cannot complete: payment "
            + payment.idempotencyKey() + " is not confirmed");
      }
    }
    Currency currency = currency();
    List<Function<EventHeader, ReturnEvent>> events = new ArrayList<>();
    Money carrierClaim = Money.zero(currency);
    boolean carrierLiable = false;
    for (ReturnLine line : settledLines()) {
      LineQuantity item = new LineQuantity(line.orderLineId(), line.sku(),
          line.quantities().accepted());
      Resolution method = line.settlementMethod().orElseThrow();
      if (method == Resolution.EXCHANGE) {
        events.add(h -> new ReturnEvent.ExchangeOrdered(h, item));
      } else if (method == Resolution.REPAIR) {
        events.add(h -> new ReturnEvent.RepairOrdered(h, item));
      }
      if (line.liability().orElseThrow() == Liability.CARRIER) {
        carrierLiable = true;
        carrierClaim = carrierClaim.plus(line.money().itemRefund());
      }
    }
    if (carrierLiable) {
      // A parcel lost on its way back is the return carrier's; damage on the way out is the
      // outbound carrier's, which the host knows from the order.
      boolean returnCarrier = shipment != null
          && settledLines().stream().allMatch(l -> l.quantities().received() == 0);
      String carrier = returnCarrier ? shipment.carrier() : null;
      String tracking = returnCarrier ? shipment.trackingNumber() : null;
      Money claim = carrierClaim;
      events.add(h -> new ReturnEvent.CarrierClaimRecorded(h, carrier, tracking, claim));
    }
    Money refunded = paidOut(PaymentKind.REFUND);
    Money credited = paidOut(PaymentKind.STORE_CREDIT);
    events.add(h -> new ReturnEvent.ReturnCompleted(h, refunded, credited));
    dueAt = null;
    return record(ReturnCommand.COMPLETE_SETTLEMENT, status, target, actor, at, List.of(),
        List.of(), null, events);
  }

  // ---------------------------------------------------------------------------------------
  // Cancel and expire

  /**
   * Withdraws the return before the goods were sent.
   *
   * @param cancellation who and why
   * @param at the time
   * @return the events: {@code ReturnCancelled}
   */
  public List<ReturnEvent> cancel(Cancellation cancellation, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.CANCEL);
    dueAt = null;
    return record(ReturnCommand.CANCEL, status, target, cancellation.cancelledBy(), at,
        List.of(), List.of(), cancellation.reason(),
        List.of(h -> new ReturnEvent.ReturnCancelled(h, cancellation.reason())));
  }

  /**
   * Expires a case whose drop-off deadline has passed without the goods moving.
   *
   * @param now the current time; must be after the deadline
   * @return the events: {@code ReturnExpired}
   * @throws IllegalStateException if the deadline has not passed
   */
  public List<ReturnEvent> expire(Instant now) {
    ReturnStatus target = requireAllowed(ReturnCommand.EXPIRE);
    Instant deadline = dueAt;
    if (deadline == null || !now.isAfter(deadline)) {
      throw new IllegalStateException("return case " + id + " is not overdue at " + now
          + " (drop-off deadline " + deadline + ")");
    }
    dueAt = null;
    return record(ReturnCommand.EXPIRE, status, target, Actor.SYSTEM, now,
        List.of("DROP_OFF_DEADLINE_PASSED"), List.of(), null,
        List.of(h -> new ReturnEvent.ReturnExpired(h, deadline)));
  }

  // ---------------------------------------------------------------------------------------
  // State, snapshots and persistence

  /**
   * Checks that the current state allows a command, before any work is done for it.
   *
   * @param command the command about to run
   * @return the state the command leads to
   * @throws IllegalReturnTransitionException if the state does not allow it
   */
  public ReturnStatus requireAllowed(ReturnCommand command) {
    return Lifecycle.target(status, command)
        .orElseThrow(() -> new IllegalReturnTransitionException(id, status, command,
            Lifecycle.allowedCommands(status)));
  }

  /**
   * The case id.
   *
   * @return the id
   */
  public ReturnId id() {
    return id;
  }

  /**
   * The order the goods came from.
   *
   * @return the order id
   */
  public OrderId orderId() {
    return orderId;
  }

  /**
   * The customer.
   *
   * @return the customer id
   */
  public CustomerId customerId() {
    return customerId;
  }

  /**
   * The current state.
   *
   * @return the status
   */
  public ReturnStatus status() {
    return status;
  }

  /**
   * The lines, in request order.
   *
   * @return an unmodifiable view of the lines
   */
  public List<ReturnLine> lines() {
    return Collections.unmodifiableList(lines);
  }

  /**
   * The arranged shipment.
   *
   * @return the shipment, or empty
   */
  public Optional<ShipmentArrangement> shipment() {
    return Optional.ofNullable(shipment);
  }

  /**
   * When the next step is due.
   *
   * @return the deadline, or empty when nothing is pending
   */
  public Optional<Instant> dueAt() {
    return Optional.ofNullable(dueAt);
  }

  /**
   * The planned settlement payments, paid or not.
   *
   * @return the payments
   */
  public List<SettlementPayment> payments() {
    return payments;
  }

  /**
   * The case's currency.
   *
   * @return the order's currency
   */
  public Currency currency() {
    return lines.get(0).unitPrice().currency();
  }

  /**
   * The current state as a snapshot: the stored version, or the next version if commands ran
   * since the case was loaded.
   *
   * @return an immutable snapshot
   */
  public ReturnCaseSnapshot snapshot() {
    List<ReturnLineSnapshot> lineSnapshots = new ArrayList<>(lines.size());
    for (ReturnLine line : lines) {
      lineSnapshots.add(line.toSnapshot());
    }
    long version = pendingHistory.isEmpty() ? storedVersion : storedVersion + 1;
    return new ReturnCaseSnapshot(id, version, historyHead, orderId, customerId, status,
        requestedAt, updatedAt, dueAt, returnShippingPaidBy, shipment, lineSnapshots,
        outboundShippingPaid, outboundShippingRefund, payments);
  }

  /**
   * Whether commands ran since the case was loaded or last saved.
   *
   * @return true if there is something to save
   */
  public boolean hasPendingChanges() {
    return !pendingHistory.isEmpty();
  }

  /**
   * What to store: the new snapshot, the version it was loaded at, the new history entries
   * and events.
   *
   * @return the write
   * @throws IllegalStateException if nothing changed
   */
  public CaseWrite pendingWrite() {
    if (pendingHistory.isEmpty()) {
      throw new IllegalStateException("return case " + id + " has no changes to save");
    }
    return new CaseWrite(snapshot(), storedVersion, pendingHistory, pendingEvents);
  }

  /**
   * The events of the commands not yet saved, in order.
   *
   * @return the pending events
   */
  public List<ReturnEvent> pendingEvents() {
    return List.copyOf(pendingEvents);
  }

  /**
   * The history entries of the commands not yet saved, in order.
   *
   * @return the pending entries
   */
  public List<HistoryEntry> pendingHistory() {
    return List.copyOf(pendingHistory);
  }

  /**
   * Tells the case that {@link #pendingWrite()} was stored, so further commands build on the new
   * version.
   */
  public void markSaved() {
    if (!pendingHistory.isEmpty()) {
      storedVersion++;
      pendingHistory.clear();
      pendingEvents.clear();
    }
  }

  // ---------------------------------------------------------------------------------------
  // Internals

  /**
   * Moves the case to its next state and records why: the single place where history entries
   * and events are created, so no command can change state without leaving a trace.
   */
  private List<ReturnEvent> record(ReturnCommand command, ReturnStatus from, ReturnStatus to,
      Actor actor, Instant at, List<String> reasonCodes, List<String> rules, String note,
      List<Function<EventHeader, ReturnEvent>> eventFactories) {
    HistoryEntry entry = HistoryChain.append(historyHead, id, at, actor, command, from, to,
        reasonCodes, rules, note);
    status = to;
    updatedAt = at;
    historyHead = HistoryHead.of(entry);
    pendingHistory.add(entry);
    List<ReturnEvent> events = new ArrayList<>(eventFactories.size());
    for (int i = 0; i < eventFactories.size(); i++) {
      events.add(eventFactories.get(i).apply(EventHeader.of(id, entry.sequence(), i, at)));
    }
    pendingEvents.addAll(events);
    return List.copyOf(events);
  }

  private Optional<ReturnLine> line(OrderLineId orderLineId) {
    for (ReturnLine line : lines) {
      if (line.orderLineId().equals(orderLineId)) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }

  /**
   * The line an input row names, if it is one of this case's lines and the first row naming it;
   * otherwise the problem is recorded and the row is skipped.
   */
  private Optional<ReturnLine> lineNamedOnce(OrderLineId orderLineId, String path,
      Set<OrderLineId> seen, Violations violations) {
    Optional<ReturnLine> line = line(orderLineId);
    if (line.isEmpty()) {
      violations.add(path + ".orderLineId",
          "order line " + orderLineId + " is not part of return case " + id);
      return Optional.empty();
    }
    if (!seen.add(orderLineId)) {
      violations.add(path + ".orderLineId",
          "order line " + orderLineId + " appears more than once");
      return Optional.empty();
    }
    return line;
  }

  private ReturnLine requireLine(OrderLineId orderLineId) {
    return line(orderLineId).orElseThrow(() -> new IllegalArgumentException(
        "order line " + orderLineId + " is not part of return case " + id));
  }

  private List<ReturnLine> settledLines() {
    return lines.stream().filter(line -> line.quantities().accepted() > 0).toList();
  }

  private List<OrderLineId> approvedLineIds() {
    return lines.stream().filter(ReturnLine::isApproved).map(ReturnLine::orderLineId).toList();
  }

  private static List<OrderLineId> inspectedLineIds(InspectionReport report) {
    return report.lines().stream().map(InspectedLine::orderLineId).toList();
  }

  private static Map<OrderLineId, LineLiability> liabilityByLine(LiabilityDecision decision,
      List<OrderLineId> expected) {
    PolicyOutcomes.requireOnePerLine("liability", expected,
        decision.lines().stream().map(LineLiability::orderLineId).toList());
    Map<OrderLineId, LineLiability> byLine = new HashMap<>();
    decision.lines().forEach(line -> byLine.put(line.orderLineId(), line));
    return byLine;
  }

  private List<LineQuantity> approvedItems() {
    return lines.stream()
        .filter(ReturnLine::isApproved)
        .map(line -> new LineQuantity(line.orderLineId(), line.sku(),
            line.quantities().approved()))
        .toList();
  }

  private List<String> codesOfLines(LineVerdict verdict) {
    List<String> codes = new ArrayList<>();
    for (ReturnLine line : lines) {
      if (line.verdict() == verdict) {
        for (String code : line.verdictCodes()) {
          if (!codes.contains(code)) {
            codes.add(code);
          }
        }
      }
    }
    return codes;
  }

  private Money paidOut(PaymentKind kind) {
    Money total = Money.zero(currency());
    for (SettlementPayment payment : payments) {
      if (payment.isPaid() && payment.kind() == kind) {
        total = total.plus(payment.amount());
      }
    }
    return total;
  }

  private static boolean paysMoney(Resolution method) {
    return method == Resolution.REFUND || method == Resolution.STORE_CREDIT;
  }

  private static PaymentKind kindOf(Resolution method) {
    return method == Resolution.STORE_CREDIT ? PaymentKind.STORE_CREDIT : PaymentKind.REFUND;
  }

  private static Money clamp(Money value, Money floor, Money ceiling) {
    return value.max(floor).min(ceiling.max(floor));
  }

  private static void requireCurrency(Money amount, Currency currency, String what) {
    if (!amount.currency().equals(currency)) {
      throw new InvalidDecisionException("settlement policy gave the " + what + " in "
          + amount.currency().getCurrencyCode() + " but the case is in "
          + currency.getCurrencyCode());
    }
  }
}
