package dev.returnkit.core.returncase;

import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.EligibilityPolicy;
import dev.returnkit.core.request.EligibilityPreview;
import dev.returnkit.core.request.RequestContext;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.core.settlement.ManualPayment;
import dev.returnkit.core.settlement.PaymentChecks;
import dev.returnkit.core.settlement.SettlementDecision;
import dev.returnkit.core.settlement.SettlementFacts;
import dev.returnkit.core.settlement.SettlementPlan;
import dev.returnkit.core.settlement.SettlementPlanner;
import dev.returnkit.core.settlement.SettlementPolicy;
import dev.returnkit.core.settlement.SettlementTerms;
import dev.returnkit.core.shipment.CarrierReports;
import dev.returnkit.core.warehouse.DispositionDecision;
import dev.returnkit.core.warehouse.DispositionFacts;
import dev.returnkit.core.warehouse.DispositionPolicy;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.LiabilityDecision;
import dev.returnkit.core.warehouse.LiabilityFacts;
import dev.returnkit.core.warehouse.LiabilityPolicy;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.core.warehouse.WarehouseChecks;
import dev.returnkit.spi.IllegalReturnTransitionException;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.Violations;
import dev.returnkit.spi.event.EventHeader;
import dev.returnkit.spi.event.LineQuantity;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.exchange.ReplacementOrder;
import dev.returnkit.spi.exchange.ReplacementRequest;
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
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.storage.StateDigest;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A customer return against one order: the aggregate root of returnkit.
 *
 * <p>Its state changes only through its commands ({@link #approve}, {@link #receive},
 * {@link #beginSettlement}, ...). Each command runs its guards in one fixed order before it
 * changes anything: the {@link Lifecycle} table ({@link IllegalReturnTransitionException}
 * naming the state and the command), then the input against the case (every problem at once,
 * as a {@link dev.returnkit.spi.InvalidReturnRequestException}), then the policies it decides
 * with, whose outcomes are checked to fit ({@link dev.returnkit.spi.InvalidDecisionException}).
 * Only then does it replace its state, append exactly one {@link HistoryEntry} (who, when,
 * what, from which state to which, why) and produce its {@link ReturnEvent}s.
 *
 * <p>The invariants it holds, whatever its caller or a policy does: a line never holds more
 * units than were bought minus what other cases hold; received &le; approved &le; requested
 * and accepted &le; approved; no line is refunded more than was paid for its accepted units or
 * left unrefunded by other cases, and nothing is paid out beyond what is due (the
 * {@link SettlementPlanner} clamps); every change leaves one history entry, chained by hash.
 *
 * <p>The aggregate does no I/O: the {@code Returns} facade loads it from a
 * {@link ReturnCaseSnapshot}, hands it the policies and what the ports said, and stores
 * {@link #pendingWrite()}. Its state is one immutable snapshot, replaced whole by each command.
 * Not thread-safe: one instance per use case call.
 */
public final class ReturnCase {

  private final ServiceLevels serviceLevels;
  private final UnsavedChanges unsaved;
  private ReturnCaseSnapshot state;

  private ReturnCase(ReturnCaseSnapshot state, long storedVersion, ServiceLevels serviceLevels) {
    this.state = state;
    this.unsaved = new UnsavedChanges(storedVersion);
    this.serviceLevels = Objects.requireNonNull(serviceLevels, "serviceLevels");
  }

  /** Rebuilds a stored case. */
  public static ReturnCase fromSnapshot(ReturnCaseSnapshot snapshot, ServiceLevels serviceLevels) {
    return new ReturnCase(snapshot, snapshot.version(), serviceLevels);
  }

  // ---------------------------------------------------------------------------------------
  // Request

  /**
   * What the eligibility policy would decide for a request, with the same checks as {@link
   * #request}; nothing is created.
   *
   * @throws dev.returnkit.spi.InvalidReturnRequestException if the request contradicts the order
   * @throws dev.returnkit.spi.InvalidDecisionException if the policy does not answer every
   *     requested line exactly once
   */
  public static EligibilityPreview preview(ReturnRequest request, RequestContext context,
      EligibilityPolicy policy) {
    EligibilityDecision decision = CaseOpening.decide(request, context, policy);
    return new EligibilityPreview(decision.openingStatus(), decision.grantsReturnlessRefund(),
        decision, CaseOpening.exchangedInAdvance(request, decision));
  }

  /**
   * Opens a case from a request, decided by the eligibility policy. The case starts in {@code
   * APPROVED}, {@code IN_REVIEW} (any line needs review) or {@code REJECTED} (every line rejected).
   *
   * @throws dev.returnkit.spi.InvalidReturnRequestException if the request contradicts the order
   * @throws dev.returnkit.spi.InvalidDecisionException if the policy does not answer every
   *     requested line exactly once
   */
  public static ReturnCase request(ReturnId id, ReturnRequest request, RequestContext context,
      EligibilityPolicy policy, ServiceLevels serviceLevels) {
    EligibilityDecision decision = CaseOpening.decide(request, context, policy);
    ReturnCaseSnapshot opened = CaseOpening.open(id, request, context, decision, serviceLevels);
    ReturnCase created = new ReturnCase(opened, 0, serviceLevels);
    // Built in its starting state; the first history entry records the move from "no case".
    created.record(ReturnCommand.REQUEST, null, opened.status(), request.requestedBy(),
        context.at(), decision.overallRationale(), null, UnaryOperator.identity(),
        CaseEvents.opened(request, opened));
    return created;
  }

  // ---------------------------------------------------------------------------------------
  // Review

  /**
   * A reviewer approves a case in review: every line in review is approved in full, to be sent back
   * (keeping the goods is the policy's call only); lines the policy rejected stay rejected.
   */
  public void approve(Approval approval, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.APPROVE);
    List<ReturnLineSnapshot> lines = mapLines(line -> {
      if (line.verdict() != LineVerdict.IN_REVIEW) {
        return line;
      }
      List<String> codes = new ArrayList<>(line.verdictCodes());
      codes.add("APPROVED_IN_REVIEW");
      return line.withVerdict(LineVerdict.APPROVED, codes).withReturnless(false)
          .withQuantities(line.quantities().approving(line.quantities().requested()));
    });
    List<LineQuantity> approved = CaseEvents.approvedItems(lines);
    record(ReturnCommand.APPROVE, target, approval.reviewer(), at,
        new Rationale(List.of("APPROVED_IN_REVIEW"), List.of()), approval.note(),
        b -> b.lines(lines).dueAt(at.plus(serviceLevels.shipment())),
        List.of(h -> new ReturnEvent.ReturnApproved(h, approved)));
  }

  /** A reviewer rejects a case in review: every line is rejected with the reviewer's code. */
  public void reject(Rejection rejection, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.REJECT);
    List<String> codes = List.of(rejection.reasonCode());
    List<ReturnLineSnapshot> lines = mapLines(line -> line.verdict() == LineVerdict.REJECTED
        ? line
        : line.withVerdict(LineVerdict.REJECTED, codes).withReturnless(false)
            .withQuantities(line.quantities().approving(0)));
    record(ReturnCommand.REJECT, target, rejection.reviewer(), at, new Rationale(codes, List.of()),
        rejection.note(), b -> b.lines(lines).dueAt(null),
        List.of(h -> new ReturnEvent.ReturnRejected(h, codes)));
  }

  // ---------------------------------------------------------------------------------------
  // Shipment and carrier

  /**
   * Whether the policy let the customer keep every approved line, so the case skips the shipment
   * ({@link #grantReturnlessRefund}).
   */
  public boolean qualifiesForReturnlessRefund() {
    List<ReturnLineSnapshot> approved =
        state.lines().stream().filter(ReturnLineSnapshot::isApproved).toList();
    return state.status() == ReturnStatus.APPROVED && !approved.isEmpty()
        && approved.stream().allMatch(ReturnLineSnapshot::returnless);
  }

  /**
   * Lets the customer keep the goods, as the policy allowed: the liability policy decides the
   * approved lines, and every approved unit is accepted for settlement without a shipment.
   * @throws IllegalReturnTransitionException if not every approved line is returnless
   */
  public void grantReturnlessRefund(LiabilityPolicy policy, Actor actor, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.GRANT_RETURNLESS_REFUND);
    if (!qualifiesForReturnlessRefund()) {
      throw refused(ReturnCommand.GRANT_RETURNLESS_REFUND,
          "not every approved line is returnless");
    }
    acceptWithoutGoods(ReturnCommand.GRANT_RETURNLESS_REFUND, target,
        LiabilityFacts.ofReturnlessRefund(state), policy, actor, at, null,
        ReturnEvent.ReturnlessRefundGranted::new);
  }

  /**
   * What the logistics port must arrange for this case: the approved units.
   * @throws IllegalReturnTransitionException if the case cannot be shipped in its state
   */
  public ShipmentRequest shipmentRequest(ShippingMethod method, Instant at) {
    requireAllowed(ReturnCommand.ARRANGE_SHIPMENT);
    List<ShipmentItem> items = state.lines().stream().filter(ReturnLineSnapshot::isApproved)
        .map(line -> new ShipmentItem(line.sku(), line.quantities().approved())).toList();
    return new ShipmentRequest(state.id(), state.orderId(), state.customerId(), method,
        state.returnShippingPaidBy(), items, at);
  }

  /**
   * Records the shipment the carrier arranged: the case waits for the goods until the drop-off
   * deadline. Lines the policy had marked returnless travel too (returnless refunds are all or
   * nothing per case).
   */
  public void arrangeShipment(ShipmentArrangement arrangement, Actor actor, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.ARRANGE_SHIPMENT);
    Objects.requireNonNull(arrangement, "arrangement");
    List<ReturnLineSnapshot> lines = mapLines(line -> line.withReturnless(false));
    ShipmentArrangement recorded = arrangement.withArrangedAt(at);
    record(ReturnCommand.ARRANGE_SHIPMENT, target, actor, at, Rationale.NONE,
        arrangement.carrier() + " " + arrangement.trackingNumber(),
        b -> b.lines(lines).shipment(recorded).dueAt(arrangement.dropOffDeadline()),
        List.of(h -> new ReturnEvent.ReturnShipmentArranged(h, recorded)));
  }

  /**
   * Whether a carrier's report is older news than what the case knows (see {@link
   * CarrierReports#isOlderNews}), so that it changes nothing and is no error.
   *
   * @throws dev.returnkit.spi.InvalidReturnRequestException if the report does not fit the case
   *     (another tracking number than the arranged shipment's, dated before the shipment was
   *     arranged, or further ahead of {@code now} than the carrier clock tolerance)
   */
  public boolean isSupersededBy(CarrierEvent event, Instant now) {
    throwIfAny("carrier event", carrierReportProblems(event, now));
    return CarrierReports.isOlderNews(state, event);
  }

  /**
   * Records a carrier's report: a scan on the way, the delivery to the warehouse (from then on the
   * parcel cannot be reported lost), or the loss, for which the liability policy decides the
   * approved lines and every approved unit is accepted for settlement without goods.
   */
  public void recordCarrierEvent(CarrierEvent event, LiabilityPolicy policy, Actor actor,
      Instant at) {
    ReturnCommand command = switch (event.type()) {
      case IN_TRANSIT -> ReturnCommand.RECORD_IN_TRANSIT;
      case DELIVERED_TO_WAREHOUSE -> ReturnCommand.RECORD_DELIVERY;
      case LOST -> ReturnCommand.RECORD_LOSS;
    };
    ReturnStatus target = requireAllowed(command);
    throwIfAny("carrier event", carrierReportProblems(event, at));
    String tracking = event.trackingNumber();
    switch (event.type()) {
      // Every scan shows the parcel moving; silence for longer than this makes it overdue.
      case IN_TRANSIT -> record(command, target, actor, at, Rationale.NONE, event.location(),
          b -> b.dueAt(at.plus(serviceLevels.transit())),
          List.of(h -> new ReturnEvent.ReturnInTransit(h, tracking, event.location())));
      case DELIVERED_TO_WAREHOUSE -> record(command, target, actor, at, Rationale.NONE,
          event.location(), b -> b.dueAt(at.plus(serviceLevels.inspection())),
          List.of(h -> new ReturnEvent.ReturnDeliveredToWarehouse(h, tracking)));
      case LOST -> acceptWithoutGoods(command, target, LiabilityFacts.ofLoss(state), policy,
          actor, at, event.location(), h -> new ReturnEvent.ReturnLostInTransit(h, tracking));
    }
  }

  private List<Violation> carrierReportProblems(CarrierEvent event, Instant now) {
    return CarrierReports.check(state, event, now, serviceLevels.carrierClockTolerance());
  }

  /** A returnless refund or a loss: every approved unit accepted, liability decided. */
  private void acceptWithoutGoods(ReturnCommand command, ReturnStatus target,
      LiabilityFacts facts, LiabilityPolicy policy, Actor actor, Instant at, String note,
      Function<EventHeader, ReturnEvent> event) {
    LiabilityDecision decision = policy.decide(facts);
    Map<OrderLineId, Liability> liable = decision.byLine(facts.lineIds());
    List<ReturnLineSnapshot> lines = mapLines(line -> !line.isApproved() ? line
        : line.withQuantities(line.quantities().accepting(line.quantities().approved()))
            .withLiability(liable.get(line.orderLineId())));
    record(command, target, actor, at, decision.overallRationale(), note,
        b -> b.lines(lines).dueAt(at.plus(serviceLevels.settlement())), List.of(event));
  }

  // ---------------------------------------------------------------------------------------
  // Receipt and inspection

  /** The warehouse counted what arrived. Approved lines not in the receipt count as zero. */
  public void receive(GoodsReceipt receipt, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.RECEIVE);
    throwIfAny("goods receipt", WarehouseChecks.receipt(state, receipt));
    List<LineQuantity> received = new ArrayList<>();
    List<ReturnLineSnapshot> lines = new ArrayList<>(state.lines().size());
    for (ReturnLineSnapshot line : state.lines()) {
      if (!line.isApproved()) {
        lines.add(line);
        continue;
      }
      int units = receipt.lines().stream()
          .filter(counted -> counted.orderLineId().equals(line.orderLineId()))
          .mapToInt(ReceivedLine::quantity).findFirst().orElse(0);
      received.add(new LineQuantity(line.orderLineId(), line.sku(), units));
      lines.add(line.withQuantities(line.quantities().receiving(units)));
    }
    record(ReturnCommand.RECEIVE, target, receipt.receivedBy(), at, Rationale.NONE, null,
        b -> b.lines(lines).dueAt(at.plus(serviceLevels.inspection())),
        List.of(h -> new ReturnEvent.ReturnReceived(h, received)));
  }

  /**
   * Records the warehouse's inspection, with the liability and then the disposition of each
   * inspected line decided by the policies.
   */
  public void inspect(InspectionReport report, LiabilityPolicy liabilityPolicy,
      DispositionPolicy dispositionPolicy, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.INSPECT);
    throwIfAny("inspection report", WarehouseChecks.inspection(state, report));
    List<OrderLineId> inspected =
        report.lines().stream().map(InspectedLine::orderLineId).toList();
    // Nothing arrived: nothing to decide.
    LiabilityDecision liability = inspected.isEmpty() ? new LiabilityDecision(List.of())
        : liabilityPolicy.decide(LiabilityFacts.ofInspection(state, report));
    Map<OrderLineId, Liability> liable = liability.byLine(inspected);
    DispositionDecision disposition = inspected.isEmpty() ? new DispositionDecision(List.of())
        : dispositionPolicy.decide(DispositionFacts.ofInspection(state, report, liable));
    Map<OrderLineId, Disposition> goesTo = disposition.byLine(inspected);
    List<ReturnEvent.InspectedLine> outcome = new ArrayList<>();
    List<ReturnLineSnapshot> lines = new ArrayList<>(state.lines());
    for (InspectedLine line : report.lines()) {
      int index = lineIndex(line.orderLineId());
      ReturnLineSnapshot before = lines.get(index);
      OrderLineId id = line.orderLineId();
      lines.set(index, before
          .withQuantities(before.quantities().accepting(line.acceptedQuantity()))
          .withInspection(line.inspection(), liable.get(id), goesTo.get(id)));
      outcome.add(new ReturnEvent.InspectedLine(id, before.sku(), line.acceptedQuantity(),
          line.grade(), liable.get(id), goesTo.get(id)));
    }
    record(ReturnCommand.INSPECT, target, report.inspectedBy(), at,
        Rationale.union(List.of(liability.overallRationale(), disposition.overallRationale())),
        null, b -> b.lines(lines).dueAt(at.plus(serviceLevels.settlement())),
        List.of(h -> new ReturnEvent.ReturnInspected(h, outcome)));
  }

  /**
   * The stock movements the inspection calls for: the accepted units of each inspected line with
   * their disposition, keyed by case and line so that sending them again changes nothing.
   */
  public List<StockMovement> stockMovements() {
    return state.lines().stream()
        .filter(line -> line.disposition() != null && line.quantities().accepted() > 0)
        .map(line -> new StockMovement(IdempotencyKeys.stock(state.id(), line.orderLineId()),
            state.id(), line.orderLineId(), line.sku(), line.quantities().accepted(),
            line.disposition()))
        .toList();
  }

  // ---------------------------------------------------------------------------------------
  // Settlement

  /**
   * Decides the money with the settlement policy and plans the payments, clamped by the {@link
   * SettlementPlanner}; every clamp adds a reason code to the history entry. Nothing is paid yet:
   * the plan is stored first, so a crash never leads to paying twice.
   */
  public void beginSettlement(SettlementPolicy policy, OrderSnapshot order,
      OrderReturnLedger ledger, Actor actor, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.BEGIN_SETTLEMENT);
    if (!order.id().equals(state.orderId())) {
      throw new IllegalArgumentException("case " + state.id() + " is for order "
          + state.orderId() + ", not " + order.id());
    }
    SettlementPlan plan = SettlementPlanner.plan(state,
        policy.decide(SettlementFacts.of(state, order, ledger)), order, ledger);
    recordPlan(ReturnCommand.BEGIN_SETTLEMENT, target, plan, order, actor, at, state.dueAt());
  }

  /**
   * Whether the case's replacements go out before its goods come back (the eligibility
   * policy's advance exchange): then goods that do not come back are charged, not expired.
   *
   * @return true if any line is exchanged in advance
   */
  public boolean isExchangedInAdvance() {
    return state.lines().stream().anyMatch(ReturnLineSnapshot::advanceExchange);
  }

  /**
   * The drop-off deadline of an advance exchange passed without the goods moving, and its
   * replacement was sent: instead of expiring, the case settles by charging the replacement of
   * every approved unit at its price (to the tender an exchange's difference goes to, in the
   * policy's routing order). Nothing is refunded. The plan is stored before anything is charged,
   * as for every settlement.
   *
   * @throws IllegalReturnTransitionException if the case is no advance exchange waiting for
   *     its goods, or its deadline has not passed
   */
  public void chargeAdvanceReplacement(SettlementPolicy policy, OrderSnapshot order,
      OrderReturnLedger ledger, Actor actor, Instant now) {
    ReturnCommand command = ReturnCommand.CHARGE_ADVANCE_REPLACEMENT;
    ReturnStatus target = requireAllowed(command);
    if (!isExchangedInAdvance()) {
      throw refused(command, "it is no advance exchange");
    }
    requireOverdue(command, now);
    // Only the routing of the policy's decision counts: no goods came back to refund or charge
    // fees on.
    SettlementTerms decided = policy.decide(SettlementFacts.of(state, order, ledger)).terms();
    SettlementDecision nothingReturned = new SettlementDecision(List.of(),
        Money.zero(state.currency()), Money.zero(state.currency()),
        new Rationale(List.of("DROP_OFF_DEADLINE_PASSED"), List.of()),
        new SettlementTerms(decided.routing(), decided.feeTax(), false,
            decided.storeCreditBonusPercent()));
    recordPlan(command, target, SettlementPlanner.plan(state, nothingReturned, order, ledger),
        order, actor, now, now.plus(serviceLevels.settlement()));
  }

  private void recordPlan(ReturnCommand command, ReturnStatus target, SettlementPlan plan,
      OrderSnapshot order, Actor actor, Instant at, Instant dueAt) {
    List<ReturnLineSnapshot> lines = new ArrayList<>(state.lines());
    for (SettlementPlan.Line line : plan.lines()) {
      int index = lineIndex(line.orderLineId());
      lines.set(index, lines.get(index).withSettlement(line.method(), line.money()));
    }
    List<SettlementPayment> payments = SettlementPayments.planned(state.id(), plan);
    Money fees = plan.restockingFees();
    Money charged = plan.returnShippingCharged();
    Money shipping = plan.outboundShippingRefund();
    // The amounts go into the (hash-chained) history, so the books can be audited from it.
    String amounts = "to refund " + plan.total(PaymentKind.REFUND) + " (tax "
        + plan.refundTax() + "), store credit " + plan.total(PaymentKind.STORE_CREDIT)
        + ", restocking fees " + fees + ", return shipping charged " + charged
        + ", outbound shipping refunded " + shipping + SettlementPayments.byTender(plan, order)
        + SettlementPayments.charged(plan);
    record(command, target, actor, at, plan.rationale(), amounts,
        b -> b.lines(lines).payments(payments).outboundShippingRefund(shipping).dueAt(dueAt),
        List.of(h -> new ReturnEvent.SettlementStarted(h, payments, fees, charged, shipping)));
  }

  /** The instructions for the planned payments not yet confirmed, in plan order. */
  public List<PaymentInstruction> unpaidInstructions(OrderSnapshot order) {
    return state.payments().stream().filter(payment -> !payment.isPaid())
        .map(payment -> SettlementPayments.instruction(state, payment, order))
        .toList();
  }

  /** Records the payment provider's confirmation of one planned payment. */
  public void recordPayment(PaymentReceipt receipt, Actor actor, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.RECORD_PAYMENT);
    throwIfAny("payment receipt", PaymentChecks.receipt(state, receipt));
    confirm(planned(receipt.idempotencyKey()).paidWith(receipt), target, actor, at,
        List.of(), null);
  }

  /**
   * Records that a planned payment was made outside the payment provider: the provider refused it
   * for good (a closed card, say) and a supervisor paid the customer another way (or, for an
   * exchange's charge, the customer paid another way). The only way out of {@code SETTLING} for
   * such a payment.
   */
  public void recordManualPayment(ManualPayment payment, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.RECORD_PAYMENT);
    throwIfAny("manual payment", PaymentChecks.manualPayment(state, payment));
    SettlementPayment planned = planned(payment.idempotencyKey());
    confirm(planned.paidWith(new PaymentReceipt(planned.idempotencyKey(),
            ManualPayment.OUTSIDE_PROVIDER + payment.reference(), planned.kind(),
            planned.amount(), at)),
        target, payment.confirmedBy(), at, List.of("PAID_OUTSIDE_PROVIDER"), payment.note());
  }

  private void confirm(SettlementPayment paid, ReturnStatus target, Actor actor, Instant at,
      List<String> moreCodes, String note) {
    // A bonus on store credit is a gift beside what the line is due: not the line's payout.
    boolean linePayout = paid.purpose() == PaymentPurpose.ITEM_REFUND;
    List<ReturnLineSnapshot> lines = mapLines(line -> !linePayout
        || !line.orderLineId().equals(paid.orderLineId())
        ? line : line.withMoney(line.money().plusPaidOut(paid.amount())));
    List<SettlementPayment> payments = state.payments().stream()
        .map(p -> p.idempotencyKey().equals(paid.idempotencyKey()) ? paid : p).toList();
    List<String> codes = new ArrayList<>(List.of(paid.purpose().name()));
    codes.addAll(moreCodes);
    String what = paid.kind() + " " + paid.amount() + " " + paid.idempotencyKey()
        + " confirmed as " + paid.providerReference();
    record(ReturnCommand.RECORD_PAYMENT, target, actor, at, new Rationale(codes, List.of()),
        note == null ? what : note + " (" + what + ")", b -> b.lines(lines).payments(payments),
        List.of(switch (paid.kind()) {
          case REFUND -> h -> new ReturnEvent.RefundIssued(h, paid);
          case STORE_CREDIT -> h -> new ReturnEvent.StoreCreditIssued(h, paid);
          case CHARGE -> h -> new ReturnEvent.ExchangeDifferenceCharged(h, paid);
        }));
  }

  /** Whether every planned payment is confirmed, so the settlement can complete. */
  public boolean allPaymentsConfirmed() {
    return state.payments().stream().allMatch(SettlementPayment::isPaid);
  }

  /**
   * Completes a settlement whose planned payments are all confirmed: orders exchanges and repairs,
   * records a claim against the carrier when it is liable, and closes the case.
   * @throws IllegalReturnTransitionException if a planned payment is not confirmed
   */
  public void completeSettlement(Actor actor, Instant at) {
    completeSettlement(actor, at, null);
  }

  /**
   * Completes the settlement, noting the replacement order the host placed for the case's
   * exchanged lines.
   *
   * @param actor who completes it
   * @param at when
   * @param replacement the replacement order placed, or {@code null} if none was
   */
  public void completeSettlement(Actor actor, Instant at, ReplacementOrder replacement) {
    ReturnStatus target = requireAllowed(ReturnCommand.COMPLETE_SETTLEMENT);
    for (SettlementPayment payment : state.payments()) {
      if (!payment.isPaid()) {
        throw refused(ReturnCommand.COMPLETE_SETTLEMENT,
            "payment " + payment.idempotencyKey() + " is not confirmed");
      }
    }
    record(ReturnCommand.COMPLETE_SETTLEMENT, target, actor, at, Rationale.NONE,
        replacement == null ? null : "replacement order " + replacement.orderId().value()
            + " placed (" + replacement.idempotencyKey() + ")",
        b -> b.dueAt(null),
        CaseEvents.completed(state, replacement == null ? null : replacement.orderId()));
  }

  /**
   * What the case's exchanged lines ask the host's order system to ship: one request, keyed by
   * the case; empty when no line is settled by exchange.
   *
   * @return the replacement request, if any
   */
  public Optional<ReplacementRequest> replacementRequest() {
    return Replacements.request(state);
  }

  // ---------------------------------------------------------------------------------------
  // Cancel and expire

  /** Withdraws the return before the goods were sent. */
  public void cancel(Cancellation cancellation, Instant at) {
    ReturnStatus target = requireAllowed(ReturnCommand.CANCEL);
    record(ReturnCommand.CANCEL, target, cancellation.cancelledBy(), at, Rationale.NONE,
        cancellation.reason(), b -> b.dueAt(null),
        List.of(h -> new ReturnEvent.ReturnCancelled(h, cancellation.reason())));
  }

  /**
   * Expires a case whose drop-off deadline has passed without the goods moving.
   * @throws IllegalReturnTransitionException if the deadline has not passed
   */
  public void expire(Actor actor, Instant now) {
    ReturnStatus target = requireAllowed(ReturnCommand.EXPIRE);
    Instant deadline = requireOverdue(ReturnCommand.EXPIRE, now);
    record(ReturnCommand.EXPIRE, target, actor, now,
        new Rationale(List.of("DROP_OFF_DEADLINE_PASSED"), List.of()), null, b -> b.dueAt(null),
        List.of(h -> new ReturnEvent.ReturnExpired(h, deadline)));
  }

  private Instant requireOverdue(ReturnCommand command, Instant now) {
    Instant deadline = state.dueAt();
    if (deadline == null || !now.isAfter(deadline)) {
      throw refused(command,
          "it is not overdue at " + now + " (drop-off deadline " + deadline + ")");
    }
    return deadline;
  }

  // ---------------------------------------------------------------------------------------
  // Erasure

  /**
   * Erases the customer's personal data from the case: their notes on its lines, the
   * inspection notes, and in its history every note and the customer's own actor ids. Erased
   * entries keep the digests their hashes cover, so the chain still verifies; entries of the
   * first chain format (which cover the text itself) cannot be erased and are kept. Outside
   * the lifecycle: allowed in every state, it moves no case, and is recorded as its own entry.
   *
   * @param history the case's stored history, up to its head
   * @param actor who erases
   * @param at when
   * @return how many earlier entries were kept unerased (first chain format)
   */
  public int erasePersonalData(List<HistoryEntry> history, Actor actor, Instant at) {
    if (history.size() != state.historyHead().sequence()) {
      throw new IllegalArgumentException("the history of " + state.id() + " given to erase ends at "
          + history.size() + ", the case at " + state.historyHead().sequence());
    }
    List<HistoryEntry> erased = new ArrayList<>();
    int kept = 0;
    for (HistoryEntry entry : history) {
      boolean customers = entry.actor().role() == ActorRole.CUSTOMER
          && entry.actor().id().equals(state.customerId().value());
      if (!entry.sealsState()) {
        kept += entry.note() != null || customers ? 1 : 0;
      } else if (entry.note() != null || customers) {
        erased.add(entry.erased(customers));
      }
    }
    List<ReturnLineSnapshot> lines = mapLines(line -> line.toBuilder().customerNote(null)
        .inspection(line.inspection() == null ? null : new Inspection(line.inspection().grade(),
            line.inspection().findings(), null))
        .build());
    unsaved.erase(erased);
    record(ReturnCommand.ERASE_PERSONAL_DATA, state.status(), actor, at,
        new Rationale(List.of("PERSONAL_DATA_ERASED"), List.of()), null, b -> b.lines(lines),
        List.of());
    return kept;
  }

  // ---------------------------------------------------------------------------------------
  // State and persistence

  /** The first guard of every command: the state the command leads to, if the table allows it. */
  private ReturnStatus requireAllowed(ReturnCommand command) {
    return Lifecycle.target(state.status(), command)
        .orElseThrow(() -> new IllegalReturnTransitionException(state.id(), state.status(),
            command, Lifecycle.allowedCommands(state.status())));
  }

  /** @return the case id */
  public ReturnId id() {
    return state.id();
  }

  /** @return the order the goods came from */
  public OrderId orderId() {
    return state.orderId();
  }

  /** @return the customer */
  public CustomerId customerId() {
    return state.customerId();
  }

  /** @return the current state */
  public ReturnStatus status() {
    return state.status();
  }

  /** @return the lines, in request order */
  public List<ReturnLineSnapshot> lines() {
    return state.lines();
  }

  /** @return the arranged shipment, or empty */
  public Optional<ShipmentArrangement> shipment() {
    return Optional.ofNullable(state.shipment());
  }

  /** @return the planned settlement payments, paid or not */
  public List<SettlementPayment> payments() {
    return state.payments();
  }

  /**
   * The current state: at the stored version, or the next one if commands ran since the case was
   * loaded or saved.
   */
  public ReturnCaseSnapshot snapshot() {
    return state;
  }

  /** Whether commands ran since the case was loaded or last saved. */
  public boolean hasPendingChanges() {
    return !unsaved.isEmpty();
  }

  /**
   * What to store: the new snapshot, the version it was loaded at, the new history entries and
   * events.
   *
   * @throws IllegalStateException if nothing changed
   */
  public CaseWrite pendingWrite() {
    return unsaved.write(state);
  }

  /** @return the events of the commands not yet saved, in order */
  public List<ReturnEvent> pendingEvents() {
    return unsaved.events();
  }

  /** @return the history entries of the commands not yet saved, in order */
  public List<HistoryEntry> pendingHistory() {
    return unsaved.history();
  }

  /**
   * Tells the case that {@link #pendingWrite()} was stored, so further commands build on the new
   * version.
   */
  public void markSaved() {
    unsaved.stored();
  }

  // ---------------------------------------------------------------------------------------
  // Internals

  private void record(ReturnCommand command, ReturnStatus to, Actor actor, Instant at,
      Rationale why, String note, UnaryOperator<ReturnCaseSnapshot.Builder> change,
      List<Function<EventHeader, ReturnEvent>> events) {
    record(command, state.status(), to, actor, at, why, note, change, events);
  }

  /**
   * Moves the case to its next state and records why: the single place where the state is replaced
   * and history entries and events are created, so no command can change the case without leaving a
   * trace.
   */
  private void record(ReturnCommand command, ReturnStatus from, ReturnStatus to, Actor actor,
      Instant at, Rationale why, String note, UnaryOperator<ReturnCaseSnapshot.Builder> change,
      List<Function<EventHeader, ReturnEvent>> events) {
    ReturnCaseSnapshot after = change.apply(state.toBuilder()).version(unsaved.nextVersion())
        .status(to).updatedAt(at).build();
    // The entry seals the state it leaves behind, so a stored case that disagrees with its
    // history is found (StateDigest leaves out the version and the head, which follow from it).
    HistoryEntry entry = HistoryChain.append(state.historyHead(), state.id(), at, actor, command,
        from, to, why.reasonCodes(), why.rules(), note, StateDigest.of(after));
    state = after.toBuilder().historyHead(HistoryHead.of(entry)).build();
    List<ReturnEvent> created = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      created.add(events.get(i).apply(EventHeader.of(state.id(), entry.sequence(), i, at)));
    }
    unsaved.add(entry, created);
  }

  private List<ReturnLineSnapshot> mapLines(UnaryOperator<ReturnLineSnapshot> change) {
    return state.lines().stream().map(change).toList();
  }

  private int lineIndex(OrderLineId orderLineId) {
    for (int i = 0; i < state.lines().size(); i++) {
      if (state.lines().get(i).orderLineId().equals(orderLineId)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "order line " + orderLineId + " is not part of return case " + state.id());
  }

  private SettlementPayment planned(String idempotencyKey) {
    return state.payments().stream().filter(p -> p.idempotencyKey().equals(idempotencyKey))
        .findFirst().orElseThrow();
  }

  private IllegalReturnTransitionException refused(ReturnCommand command, String because) {
    return new IllegalReturnTransitionException(state.id(), state.status(), command, because);
  }

  private static void throwIfAny(String input, List<Violation> violations) {
    new Violations(input).addAll(violations).throwIfAny();
  }
}
