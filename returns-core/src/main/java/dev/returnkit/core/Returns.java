package dev.returnkit.core;

import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.core.request.CustomerHistory;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.core.request.EligibilityPreview;
import dev.returnkit.core.request.LineEligibility;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.request.RequestedLineFacts;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.returncase.Cancellation;
import dev.returnkit.core.returncase.ReturnCase;
import dev.returnkit.core.returncase.ServiceLevels;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.core.settlement.ManualPayment;
import dev.returnkit.core.settlement.SettlementDecision;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.DispositionDecision;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.LiabilityDecision;
import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.ReturnNotFoundException;
import dev.returnkit.spi.ReturnsException;
import dev.returnkit.spi.Violations;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.ReturnIdSource;
import dev.returnkit.spi.inventory.InventoryGateway;
import dev.returnkit.spi.inventory.StockMovement;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.logistics.CarrierEventType;
import dev.returnkit.spi.logistics.ReturnLogistics;
import dev.returnkit.spi.logistics.ShipmentArrangement;
import dev.returnkit.spi.logistics.ShipmentRequest;
import dev.returnkit.spi.notification.CustomerNotifier;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderLookup;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.storage.TimeRange;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use cases of returnkit: everything a host shop does with returns, in plain Java.
 *
 * <p>Every state-changing use case follows the same steps: validate the input (every problem
 * reported at once, nothing touched), load the case, check the lifecycle, ask the policies and
 * ports, run the command on the {@link ReturnCase} aggregate, save the case with the version it
 * was loaded at, and only then publish the events and notify the customer. A lost race with
 * another writer raises {@link ConcurrentReturnUpdateException} and stores nothing; calls to
 * the payment, inventory and logistics ports carry idempotency keys derived from the case, so
 * retrying any use case never pays, moves or books twice.
 *
 * <p>Build one with {@link #builder()} and share it: it is thread-safe. Publishing events and
 * notifying the customer happen after the case is stored; a failure there is logged and does
 * not undo the use case.
 */
public final class Returns {

  private static final Logger log = LoggerFactory.getLogger(Returns.class);
  private static final Actor CARRIER_FEED = Actor.system("carrier-feed");
  private static final int EXPIRY_BATCH = 100;

  private final ReturnRepository repository;
  private final OrderLookup orders;
  private final ReturnLogistics logistics;
  private final PaymentGateway payments;
  private final InventoryGateway inventory;
  private final CustomerNotifier notifier;
  private final ReturnEventPublisher publisher;
  private final ReturnPolicies policies;
  private final Clock clock;
  private final ReturnIdSource ids;
  private final ServiceLevels serviceLevels;
  private final Duration customerHistoryWindow;
  private final InputValidator validator;
  private final OrderLocks orderLocks = new OrderLocks(64);

  private Returns(Builder b) {
    this.repository = b.repository;
    this.orders = b.orders;
    this.logistics = b.logistics;
    this.payments = b.payments;
    this.inventory = b.inventory;
    this.notifier = b.notifier;
    this.publisher = b.publisher;
    this.policies = b.policies;
    this.clock = b.clock;
    this.ids = b.ids;
    this.serviceLevels = b.serviceLevels;
    this.customerHistoryWindow = b.customerHistoryWindow;
    this.validator = b.validator != null ? b.validator : InputValidator.create();
  }

  /**
   * Starts building a facade.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------------------------------
  // Request and review

  /**
   * Opens a return case for a customer's request, decided by the eligibility policy: approved,
   * sent to manual review, or rejected. An approved case whose every line the policy lets the
   * customer keep goes straight on to {@code INSPECTED} (returnless refund).
   *
   * @param request the request
   * @return the new case and its events
   * @throws dev.returnkit.spi.InvalidReturnRequestException if the request is
   *     malformed or contradicts the order (unknown order or line, more units than remain
   *     returnable); nothing is stored
   */
  public ReturnResult request(ReturnRequest request) {
    validator.validate("return request", request);
    return orderLocks.withLock(request.orderId(), () -> {
      Instant at = now();
      RequestContext context = requestContext(request, at);
      EligibilityDecision decision = policies.eligibility().decide(context.facts());
      ReturnCase returnCase = ReturnCase.request(ids.next(), request, context.order(),
          context.ledger(), decision, serviceLevels, at);
      grantReturnlessRefundIfAllowed(returnCase, at);
      return store(returnCase);
    });
  }

  /**
   * What the eligibility policy would decide for a request now. A dry run: validates the
   * request exactly as {@link #request} does, stores nothing, publishes nothing.
   *
   * @param request the request
   * @return the would-be outcome, line by line
   * @throws dev.returnkit.spi.InvalidReturnRequestException if the request is
   *     malformed or contradicts the order
   */
  public EligibilityPreview preview(ReturnRequest request) {
    validator.validate("return request", request);
    RequestContext context = requestContext(request, now());
    EligibilityDecision decision = policies.eligibility().decide(context.facts());
    ReturnStatus status = ReturnCase.statusAfterRequest(decision);
    boolean returnless = status == ReturnStatus.APPROVED && decision.lines().stream()
        .filter(line -> line.verdict() == LineVerdict.APPROVED)
        .allMatch(LineEligibility::returnless);
    return new EligibilityPreview(status, returnless, decision);
  }

  /**
   * A reviewer approves a case in manual review.
   *
   * @param id the case
   * @param approval the reviewer and their note
   * @return the case and its events
   */
  public ReturnResult approve(ReturnId id, Approval approval) {
    validator.validate("approval", approval);
    return change(id, (returnCase, at) -> {
      returnCase.approve(approval, at);
      grantReturnlessRefundIfAllowed(returnCase, at);
    });
  }

  /**
   * A reviewer rejects a case in manual review.
   *
   * @param id the case
   * @param rejection the reviewer, the reason code and a note
   * @return the case and its events
   */
  public ReturnResult reject(ReturnId id, Rejection rejection) {
    validator.validate("rejection", rejection);
    return change(id, (returnCase, at) -> returnCase.reject(rejection, at));
  }

  // ---------------------------------------------------------------------------------------
  // Shipment and carrier

  /**
   * Arranges the return shipment (label or pickup) of an approved case through the logistics
   * port; the case then waits for the goods until the carrier's drop-off deadline.
   *
   * @param id the case
   * @param options label or pickup, and who asked
   * @return the case and its events
   */
  public ReturnResult arrangeShipment(ReturnId id, ShipmentOptions options) {
    validator.validate("shipment options", options);
    ReturnCase returnCase = load(id);
    Instant at = now();
    ShipmentRequest request = returnCase.shipmentRequest(options.method(), at);
    // Idempotent per case: after a lost race, a retry gets the same label back.
    ShipmentArrangement arrangement = logistics.arrange(request);
    returnCase.arrangeShipment(arrangement, options.requestedBy(), at);
    try {
      return store(returnCase);
    } catch (ConcurrentReturnUpdateException raced) {
      // If the race was lost to a cancellation (or anything else that took the case away from
      // this shipment), nobody else knows about the label: cancel it, or it stays usable.
      boolean stillWanted = repository.findById(id)
          .map(stored -> stored.status() == ReturnStatus.APPROVED
              || (stored.shipment() != null
                  && stored.shipment().trackingNumber().equals(arrangement.trackingNumber())))
          .orElse(false);
      if (!stillWanted) {
        cancelShipmentQuietly(id, arrangement.trackingNumber());
      }
      throw raced;
    }
  }

  /**
   * Records a carrier's report about the return parcel: a scan on its way, the delivery to the
   * warehouse, or its loss (which decides liability and lets the case be settled without the
   * goods).
   *
   * <p>Carrier feeds deliver late and out of order. A report that is older news than what the
   * case knows (a scan after the delivery, a loss report for a parcel already delivered or
   * counted, a repeated report) changes nothing: it returns the case as it is, with no events.
   *
   * @param id the case
   * @param event the carrier's report; its tracking number must be the case's
   * @return the case and its events (none if the report was older news)
   */
  public ReturnResult recordCarrierEvent(ReturnId id, CarrierEvent event) {
    validator.validate("carrier event", event);
    ReturnCase current = load(id);
    if (current.isSupersededBy(event)) {
      boolean lostAfterDelivery = event.type() == CarrierEventType.LOST
          && current.status() != ReturnStatus.LOST_IN_TRANSIT;
      if (lostAfterDelivery) {
        log.warn("Carrier reported parcel {} of return case {} lost after delivering it; ignored",
            event.trackingNumber(), id);
      } else {
        log.info("Carrier report {} for return case {} ({}) is older news; ignored",
            event.type(), id, current.status());
      }
      return new ReturnResult(current.snapshot(), List.of());
    }
    return change(current, (returnCase, at) -> {
      switch (event.type()) {
        case IN_TRANSIT -> returnCase.recordInTransit(event, CARRIER_FEED, at);
        case DELIVERED_TO_WAREHOUSE -> returnCase.recordDelivery(event, CARRIER_FEED, at);
        case LOST -> {
          returnCase.requireAllowed(ReturnCommand.RECORD_LOSS);
          LiabilityDecision liability =
              policies.liability().decide(returnCase.liabilityFactsForLoss());
          returnCase.recordLoss(event, liability, CARRIER_FEED, at);
        }
      }
    });
  }

  // ---------------------------------------------------------------------------------------
  // Warehouse

  /**
   * The warehouse counts what arrived.
   *
   * @param id the case
   * @param receipt units received per line
   * @return the case and its events
   */
  public ReturnResult receive(ReturnId id, GoodsReceipt receipt) {
    validator.validate("goods receipt", receipt);
    return change(id, (returnCase, at) -> returnCase.receive(receipt, at));
  }

  /**
   * The warehouse grades what arrived; the liability and disposition policies decide on it, and
   * the accepted units are handed to the inventory port with their disposition.
   *
   * @param id the case
   * @param report grade, findings and accepted units per received line
   * @return the case and its events
   */
  public ReturnResult inspect(ReturnId id, InspectionReport report) {
    validator.validate("inspection report", report);
    ReturnCase returnCase = load(id);
    Instant at = now();
    returnCase.requireAllowed(ReturnCommand.INSPECT);
    new Violations("inspection report").addAll(returnCase.checkInspection(report)).throwIfAny();
    LiabilityDecision liability = report.lines().isEmpty()
        ? new LiabilityDecision(List.of())
        : policies.liability().decide(returnCase.liabilityFacts(report));
    DispositionDecision disposition = report.lines().isEmpty()
        ? new DispositionDecision(List.of())
        : policies.disposition().decide(returnCase.dispositionFacts(report, liability));
    returnCase.inspect(report, liability, disposition, at);
    ReturnResult result = store(returnCase);
    // The inspection is stored either way; settle() sends the same movements again.
    sendStockMovementsQuietly(returnCase);
    return result;
  }

  // ---------------------------------------------------------------------------------------
  // Settlement

  /**
   * Settles an inspected (or lost) case: the settlement policy decides the money, the core
   * clamps it to what may be refunded, the plan is stored, then each payment is made through
   * the payment port with an idempotency key derived from the case, the line and the purpose,
   * and the case completes.
   *
   * <p>Safe to call again after any failure: on a case already in {@code SETTLING} it resumes
   * the stored plan with the same keys, so a payment that went through before a crash is not
   * paid again. A payment failure leaves the case in {@code SETTLING} with the confirmed
   * payments recorded, and is rethrown: retry later if it is retryable; if the provider refused
   * for good, a supervisor pays another way and confirms it with {@link #recordManualPayment}.
   *
   * @param id the case
   * @param actor who settles (an agent, or the system)
   * @return the case and its events
   * @throws dev.returnkit.spi.PaymentException if the payment port did not confirm a
   *     payment
   */
  public ReturnResult settle(ReturnId id, Actor actor) {
    validator.validate("settling actor", actor);
    OrderId orderId = load(id).orderId();
    return orderLocks.withLock(orderId, () -> {
      ReturnCase returnCase = load(id);
      OrderSnapshot order = orders.findOrder(orderId).orElseThrow(() -> new ReturnsException(
          "order " + orderId + " of return case " + id + " is unknown to the order system"));
      List<ReturnEvent> events = new ArrayList<>();
      if (returnCase.status() != ReturnStatus.SETTLING) {
        returnCase.requireAllowed(ReturnCommand.BEGIN_SETTLEMENT);
        OrderReturnLedger ledger = OrderReturnLedger.of(repository.findByOrder(orderId), id);
        SettlementDecision decision =
            policies.settlement().decide(returnCase.settlementFacts(order));
        returnCase.beginSettlement(decision, order, ledger, actor, now());
        // The plan is stored before anything is paid: from here on, a retry pays the same keys.
        events.addAll(store(returnCase).events());
      }
      try {
        for (PaymentInstruction instruction : returnCase.unpaidInstructions(order)) {
          PaymentReceipt receipt = payments.pay(instruction);
          returnCase.recordPayment(receipt, actor, now());
        }
      } catch (RuntimeException failure) {
        // Whatever went wrong (a refusal, an outage, a bug in the adapter), the payments that
        // did go through are stored before the failure is passed on.
        storeConfirmedPayments(returnCase, failure);
        throw failure;
      }
      returnCase.completeSettlement(actor, now());
      events.addAll(store(returnCase).events());
      // The customer's money does not wait for the warehouse system: stock movements were sent
      // after the inspection already; this second sending only repairs a failure there.
      sendStockMovementsQuietly(returnCase);
      return new ReturnResult(returnCase.snapshot(), events);
    });
  }

  /**
   * Confirms that a planned payment the provider refused for good was paid another way, and
   * completes the settlement once nothing is left to pay. Only a supervisor may do it.
   *
   * @param id the case, in {@code SETTLING}
   * @param payment the supervisor, the planned payment's key, the outside reference, a note
   * @return the case and its events
   * @throws dev.returnkit.spi.InvalidReturnRequestException if the input is
   *     malformed, the actor is not a supervisor, or the case planned no such unpaid payment
   */
  public ReturnResult recordManualPayment(ReturnId id, ManualPayment payment) {
    validator.validate("manual payment", payment);
    Violations violations = new Violations("manual payment");
    if (payment.confirmedBy().role() != ActorRole.SUPERVISOR) {
      violations.add("confirmedBy.role", "must be SUPERVISOR: only a supervisor may confirm a "
          + "payment made outside the payment provider");
    }
    violations.throwIfAny();
    OrderId orderId = load(id).orderId();
    return orderLocks.withLock(orderId, () -> change(load(id), (returnCase, at) -> {
      returnCase.requireAllowed(ReturnCommand.RECORD_PAYMENT);
      boolean planned = returnCase.payments().stream().anyMatch(p ->
          p.idempotencyKey().equals(payment.idempotencyKey()) && !p.isPaid());
      if (!planned) {
        new Violations("manual payment").add("idempotencyKey", "return case " + id
            + " has no unpaid planned payment " + payment.idempotencyKey()).throwIfAny();
      }
      returnCase.recordPaymentOutsideProvider(payment.idempotencyKey(), payment.reference(),
          payment.confirmedBy(), payment.note(), at);
      if (returnCase.allPaymentsConfirmed()) {
        returnCase.completeSettlement(payment.confirmedBy(), at);
      }
    }));
  }

  /**
   * Sends the stock movements of an inspected case to the inventory port again. They are sent
   * after the inspection and after the settlement anyway; this is for repairing an inventory
   * outage that outlasted both. Idempotent: the port applies each movement once.
   *
   * @param id the case
   * @return the movements sent, possibly none
   * @throws RuntimeException whatever the inventory port throws
   */
  public List<StockMovement> syncInventory(ReturnId id) {
    ReturnCase returnCase = load(id);
    applyStockMovements(returnCase);
    return returnCase.stockMovements();
  }

  // ---------------------------------------------------------------------------------------
  // Cancel and expire

  /**
   * Withdraws a return before the goods were sent; an arranged shipment is cancelled with the
   * carrier.
   *
   * @param id the case
   * @param cancellation who and why
   * @return the case and its events
   */
  public ReturnResult cancel(ReturnId id, Cancellation cancellation) {
    validator.validate("cancellation", cancellation);
    ReturnCase returnCase = load(id);
    returnCase.cancel(cancellation, now());
    ReturnResult result = store(returnCase);
    cancelShipmentQuietly(returnCase);
    return result;
  }

  /**
   * Expires every case still waiting for its goods after the drop-off deadline, and cancels
   * their shipments. Meant for a scheduler; safe to run from several instances at once (a case
   * another instance changed meanwhile is skipped).
   *
   * @param now the time to judge deadlines by
   * @return the expired cases
   */
  public List<ReturnResult> expireOverdue(Instant now) {
    Instant cutoff = Objects.requireNonNull(now, "now").truncatedTo(ChronoUnit.MICROS);
    List<ReturnResult> expired = new ArrayList<>();
    Set<ReturnId> tried = new HashSet<>();
    while (true) {
      List<ReturnCaseSnapshot> due =
          repository.findDue(Set.of(ReturnStatus.AWAITING_RETURN), cutoff, EXPIRY_BATCH);
      boolean progress = false;
      for (ReturnCaseSnapshot snapshot : due) {
        if (!tried.add(snapshot.id())) {
          continue;
        }
        progress = true;
        ReturnCase returnCase = ReturnCase.fromSnapshot(snapshot, serviceLevels);
        try {
          returnCase.expire(cutoff);
          expired.add(store(returnCase));
          cancelShipmentQuietly(returnCase);
        } catch (ConcurrentReturnUpdateException raced) {
          log.debug("Return case {} changed while expiring; skipped", snapshot.id());
        }
      }
      if (due.size() < EXPIRY_BATCH || !progress) {
        return expired;
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // Queries

  /**
   * Loads a case.
   *
   * @param id the case
   * @return the case as stored, or empty
   */
  public Optional<ReturnCaseSnapshot> find(ReturnId id) {
    return repository.findById(id);
  }

  /**
   * A case's history, oldest first.
   *
   * @param id the case
   * @return the entries, empty for an unknown case
   */
  public List<HistoryEntry> history(ReturnId id) {
    return repository.history(id);
  }

  // ---------------------------------------------------------------------------------------
  // Internals

  /** A command on a loaded case. */
  @FunctionalInterface
  private interface CaseCommand {
    void apply(ReturnCase returnCase, Instant at);
  }

  private ReturnResult change(ReturnId id, CaseCommand command) {
    return change(load(id), command);
  }

  private ReturnResult change(ReturnCase returnCase, CaseCommand command) {
    command.apply(returnCase, now());
    return store(returnCase);
  }

  private void storeConfirmedPayments(ReturnCase returnCase, RuntimeException failure) {
    if (returnCase.hasPendingChanges()) {
      try {
        store(returnCase);
      } catch (RuntimeException storeFailure) {
        failure.addSuppressed(storeFailure);
      }
    }
  }

  private ReturnCase load(ReturnId id) {
    Objects.requireNonNull(id, "id");
    return repository.findById(id)
        .map(snapshot -> ReturnCase.fromSnapshot(snapshot, serviceLevels))
        .orElseThrow(() -> new ReturnNotFoundException(id));
  }

  private ReturnResult store(ReturnCase returnCase) {
    CaseWrite write = returnCase.pendingWrite();
    repository.save(write);
    returnCase.markSaved();
    deliver(write.newEvents(), returnCase);
    return new ReturnResult(write.snapshot(), write.newEvents());
  }

  /** After the case is stored: events to the host, messages to the customer. */
  private void deliver(List<ReturnEvent> events, ReturnCase returnCase) {
    if (events.isEmpty()) {
      return;
    }
    try {
      publisher.publish(events);
    } catch (RuntimeException e) {
      log.warn("Publishing {} event(s) of return case {} failed; the case is stored", events.size(),
          returnCase.id(), e);
    }
    for (ReturnEvent event : events) {
      CustomerMessages.forEvent(event, returnCase.customerId()).ifPresent(message -> {
        try {
          notifier.send(message);
        } catch (RuntimeException e) {
          log.warn("Notifying the customer of {} ({}) failed", returnCase.id(),
              message.templateId(), e);
        }
      });
    }
  }

  private void grantReturnlessRefundIfAllowed(ReturnCase returnCase, Instant at) {
    if (returnCase.qualifiesForReturnlessRefund()) {
      LiabilityDecision liability =
          policies.liability().decide(returnCase.liabilityFactsForReturnless());
      returnCase.grantReturnlessRefund(liability, Actor.SYSTEM, at);
    }
  }

  private void applyStockMovements(ReturnCase returnCase) {
    for (StockMovement movement : returnCase.stockMovements()) {
      inventory.apply(movement);
    }
  }

  private void sendStockMovementsQuietly(ReturnCase returnCase) {
    try {
      applyStockMovements(returnCase);
    } catch (RuntimeException e) {
      log.warn("Inventory update for return case {} failed; repair it with syncInventory",
          returnCase.id(), e);
    }
  }

  private void cancelShipmentQuietly(ReturnCase returnCase) {
    returnCase.shipment().ifPresent(
        shipment -> cancelShipmentQuietly(returnCase.id(), shipment.trackingNumber()));
  }

  private void cancelShipmentQuietly(ReturnId id, String trackingNumber) {
    try {
      logistics.cancel(id, trackingNumber);
    } catch (RuntimeException e) {
      log.warn("Cancelling shipment {} of return case {} failed", trackingNumber, id, e);
    }
  }

  private Instant now() {
    // Storage keeps microseconds (PostgreSQL does); truncating here keeps the history hashes
    // and snapshots identical after a round trip.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private record RequestContext(OrderSnapshot order, OrderReturnLedger ledger,
      EligibilityFacts facts) {}

  private RequestContext requestContext(ReturnRequest request, Instant at) {
    Optional<OrderSnapshot> found = orders.findOrder(request.orderId());
    if (found.isEmpty()) {
      new Violations("return request")
          .add("orderId", "order " + request.orderId() + " does not exist").throwIfAny();
    }
    OrderSnapshot order = found.orElseThrow();
    OrderReturnLedger ledger = OrderReturnLedger.of(repository.findByOrder(order.id()), null);
    new Violations("return request").addAll(ReturnCase.checkRequest(request, order, ledger))
        .throwIfAny();
    List<RequestedLineFacts> lines = new ArrayList<>();
    for (RequestedLine line : request.lines()) {
      OrderLine orderLine = order.line(line.orderLineId()).orElseThrow();
      lines.add(new RequestedLineFacts(orderLine, line.quantity(), line.reason(),
          line.resolution(), line.note(), ledger.unitsHeld(line.orderLineId()),
          ledger.openCases(line.orderLineId())));
    }
    return new RequestContext(order, ledger,
        new EligibilityFacts(at, order, lines, customerHistory(request, at)));
  }

  private CustomerHistory customerHistory(ReturnRequest request, Instant at) {
    Instant since = at.minus(customerHistoryWindow);
    int cases = 0;
    int units = 0;
    for (ReturnCaseSnapshot past :
        repository.findByCustomer(request.customerId(), TimeRange.since(since))) {
      int caseUnits = 0;
      for (ReturnLineSnapshot line : past.lines()) {
        caseUnits += line.unitsHeld(past.status());
      }
      if (caseUnits > 0) {
        cases++;
        units += caseUnits;
      }
    }
    return new CustomerHistory(request.customerId(), since, cases, units,
        orders.purchasesSince(request.customerId(), since));
  }

  /**
   * Builds a {@link Returns}. Every port and the policies are required; the clock, the id
   * source, the service levels and the customer-history window have defaults.
   *
   * <p>Not thread-safe; the facade it builds is.
   */
  public static final class Builder {

    private ReturnRepository repository;
    private OrderLookup orders;
    private ReturnLogistics logistics;
    private PaymentGateway payments;
    private InventoryGateway inventory;
    private CustomerNotifier notifier;
    private ReturnEventPublisher publisher;
    private ReturnPolicies policies;
    private Clock clock = Clock.systemUTC();
    private ReturnIdSource ids;
    private ServiceLevels serviceLevels = ServiceLevels.DEFAULT;
    private Duration customerHistoryWindow = Duration.ofDays(90);
    private InputValidator validator;

    private Builder() {}

    /**
     * Where cases and their history are stored.
     *
     * @param repository the storage adapter
     * @return this
     */
    public Builder repository(ReturnRepository repository) {
      this.repository = repository;
      return this;
    }

    /**
     * The host's orders.
     *
     * @param orders the order adapter
     * @return this
     */
    public Builder orders(OrderLookup orders) {
      this.orders = orders;
      return this;
    }

    /**
     * The host's carrier integration.
     *
     * @param logistics the logistics adapter
     * @return this
     */
    public Builder logistics(ReturnLogistics logistics) {
      this.logistics = logistics;
      return this;
    }

    /**
     * The host's payment provider.
     *
     * @param payments the payment adapter
     * @return this
     */
    public Builder payments(PaymentGateway payments) {
      this.payments = payments;
      return this;
    }

    /**
     * The host's inventory.
     *
     * @param inventory the inventory adapter
     * @return this
     */
    public Builder inventory(InventoryGateway inventory) {
      this.inventory = inventory;
      return this;
    }

    /**
     * How customers are told about their returns.
     *
     * @param notifier the notification adapter
     * @return this
     */
    public Builder notifier(CustomerNotifier notifier) {
      this.notifier = notifier;
      return this;
    }

    /**
     * Where return events go.
     *
     * @param publisher the event adapter
     * @return this
     */
    public Builder events(ReturnEventPublisher publisher) {
      this.publisher = publisher;
      return this;
    }

    /**
     * The eligibility, liability, disposition and settlement policies.
     *
     * @param policies the four policies
     * @return this
     */
    public Builder policies(ReturnPolicies policies) {
      this.policies = policies;
      return this;
    }

    /**
     * The clock every time in returnkit comes from. Default: {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where new return ids come from. Default: random UUIDs from a {@link SecureRandom}.
     *
     * @param ids the id source
     * @return this
     */
    public Builder ids(ReturnIdSource ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * The deadlines for the steps the shop owns. Default: {@link ServiceLevels#DEFAULT}.
     *
     * @param serviceLevels the service levels
     * @return this
     */
    public Builder serviceLevels(ServiceLevels serviceLevels) {
      this.serviceLevels = Objects.requireNonNull(serviceLevels, "serviceLevels");
      return this;
    }

    /**
     * How far back a customer's returns and purchases are looked at for return-rate policies.
     * Default: 90 days.
     *
     * @param window the window, positive
     * @return this
     */
    public Builder customerHistoryWindow(Duration window) {
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("the customer history window must be positive");
      }
      this.customerHistoryWindow = window;
      return this;
    }

    /**
     * The input validator. Default: {@link InputValidator#create()}; pass one to share it
     * between several facades.
     *
     * @param validator the validator
     * @return this
     */
    public Builder validator(InputValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /**
     * Builds the facade.
     *
     * @return the facade
     * @throws IllegalStateException naming every required port or policy not given
     */
    public Returns build() {
      List<String> missing = new ArrayList<>();
      if (repository == null) {
        missing.add("repository");
      }
      if (orders == null) {
        missing.add("orders");
      }
      if (logistics == null) {
        missing.add("logistics");
      }
      if (payments == null) {
        missing.add("payments");
      }
      if (inventory == null) {
        missing.add("inventory");
      }
      if (notifier == null) {
        missing.add("notifier");
      }
      if (publisher == null) {
        missing.add("events");
      }
      if (policies == null) {
        missing.add("policies");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("Returns needs " + String.join(", ", missing)
            + "; in-memory adapters for tests and demos are in dev.returnkit.core.inmemory");
      }
      if (ids == null) {
        ids = ReturnIdSource.random(new SecureRandom());
      }
      return new Returns(this);
    }
  }
}
