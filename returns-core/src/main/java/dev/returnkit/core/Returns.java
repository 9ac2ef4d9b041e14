package dev.returnkit.core;

import dev.returnkit.core.audit.AuditPage;
import dev.returnkit.core.audit.CaseAuditReport;
import dev.returnkit.core.audit.Erasure;
import dev.returnkit.core.audit.HistoryCheckpoint;
import dev.returnkit.core.observation.ReturnsObserver;
import dev.returnkit.core.observation.UseCase;
import dev.returnkit.core.request.EligibilityPreview;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.returncase.Cancellation;
import dev.returnkit.core.returncase.ServiceLevels;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.core.settlement.ManualPayment;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.exchange.ReplacementOrders;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.ReturnIdSource;
import dev.returnkit.spi.inventory.InventoryGateway;
import dev.returnkit.spi.inventory.StockMovement;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.logistics.ReturnLogistics;
import dev.returnkit.spi.notification.CustomerNotifier;
import dev.returnkit.spi.order.OrderLookup;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.storage.PageRequest;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.vocabulary.Actor;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use cases of returnkit: everything a host shop does with returns, in plain Java, and the
 * one entry point it needs.
 *
 * <p>Every state-changing use case takes the same steps: validate the input (every problem
 * reported at once, nothing touched), load the case, command the {@code ReturnCase} aggregate
 * (which runs its guards and decides with the policies it is handed), store the case with the
 * version it was loaded at, and only then publish the events and notify the customer. A lost
 * race with another writer raises {@link dev.returnkit.spi.ConcurrentReturnUpdateException} and
 * stores nothing. Calls to the payment, inventory and logistics ports carry idempotency keys
 * derived from the case, so retrying any use case never pays, moves or books twice; no lock is
 * held while the payment provider is called. Every refusal is a
 * {@link dev.returnkit.spi.ReturnsException}, from the package {@code dev.returnkit.spi}.
 *
 * <pre>{@code
 * Returns returns = Returns.builder()
 *     .repository(repository).orders(orders).logistics(carrier).payments(psp)
 *     .inventory(warehouse).policies(DroolsPolicies.defaults().policies())
 *     .build();
 * ReturnResult opened = returns.request(request);
 * }</pre>
 *
 * <p>Build one with {@link #builder()} and share it: it is thread-safe. Publishing events and
 * notifying the customer happen after the case is stored; a failure there is logged and does
 * not undo the use case.
 */
public final class Returns {

  private static final int EXPIRY_BATCH = 100;
  /** How many order locks all orders share; see {@link OrderLocks}. */
  static final int ORDER_LOCK_STRIPES = 64;

  private final ReturnRepository repository;
  private final RequestUseCase requests;
  private final ReviewUseCase reviews;
  private final ShipmentUseCase shipments;
  private final WarehouseUseCase warehouse;
  private final SettlementUseCase settlements;
  private final CancellationUseCase cancellations;
  private final ExpiryUseCase expiry;
  private final AuditUseCase audits;
  private final ErasureUseCase erasures;
  private final ReturnsObserver observer;

  private Returns(Builder b) {
    InputValidator validator = b.validator != null ? b.validator : InputValidator.create();
    Clock clock = b.clock;
    // Storage keeps microseconds (PostgreSQL does); truncating here keeps the history hashes
    // and snapshots identical after a round trip.
    Supplier<Instant> now = () -> clock.instant().truncatedTo(ChronoUnit.MICROS);
    OrderLocks locks = new OrderLocks(ORDER_LOCK_STRIPES);
    this.observer = b.observer;
    CaseStore store = new CaseStore(b.repository, b.serviceLevels, b.publisher, b.notifier,
        b.observer);
    PaymentGateway payments = b.observer == ReturnsObserver.none() ? b.payments
        : new ObservedPayments(b.payments, b.observer);
    SideEffects sideEffects = new SideEffects(b.inventory, b.logistics);
    AccessGuard access = new AccessGuard(b.policies.access());
    AdvanceExchanges advance = new AdvanceExchanges(b.replacements);
    // Without a replacement-order port nothing can be sent ahead of the goods.
    ReturnPolicies policies = b.replacements != null ? b.policies
        : b.policies.withoutAdvanceExchanges();
    this.repository = b.repository;
    this.requests = new RequestUseCase(store, access, b.orders, policies, locks, b.ids,
        b.serviceLevels, b.customerHistoryWindow, validator, now);
    this.reviews = new ReviewUseCase(store, access, validator, now);
    this.shipments = new ShipmentUseCase(store, access, b.logistics, policies.liability(),
        sideEffects, advance, validator, now);
    this.warehouse = new WarehouseUseCase(store, access, policies, sideEffects, validator, now);
    this.settlements = new SettlementUseCase(store, access, b.orders, payments,
        b.replacements, policies.settlement(), locks, sideEffects, validator, now);
    this.cancellations = new CancellationUseCase(store, access, sideEffects, advance,
        validator, now);
    this.expiry = new ExpiryUseCase(store, access, sideEffects, advance, settlements,
        validator, EXPIRY_BATCH);
    this.audits = new AuditUseCase(b.repository, access, validator, now);
    this.erasures = new ErasureUseCase(store, access, validator, now);
  }

  /**
   * Starts building a facade.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens a return case for a customer's request, decided by the eligibility policy: approved,
   * sent to manual review, or rejected. An approved case whose every line the policy lets the
   * customer keep goes straight on to {@code INSPECTED} (returnless refund).
   *
   * @param request the request
   * @return the new case and its events
   * @throws dev.returnkit.spi.InvalidReturnRequestException if the request is malformed or
   *     contradicts the order (unknown order or line, more units than remain returnable);
   *     nothing is stored
   */
  public ReturnResult request(ReturnRequest request) {
    return observer.observe(UseCase.REQUEST, () -> requests.request(request));
  }

  /**
   * What the eligibility policy would decide for a request now. A dry run: the request is
   * checked exactly as by {@link #request}, and nothing is stored or published.
   *
   * @param request the request
   * @return the would-be outcome, line by line
   * @throws dev.returnkit.spi.InvalidReturnRequestException if the request is malformed or
   *     contradicts the order
   */
  public EligibilityPreview preview(ReturnRequest request) {
    return observer.observe(UseCase.PREVIEW, () -> requests.preview(request));
  }

  /**
   * A reviewer approves a case in manual review.
   *
   * @param id the case
   * @param approval the reviewer and their note
   * @return the case and its events
   */
  public ReturnResult approve(ReturnId id, Approval approval) {
    return observer.observe(UseCase.APPROVE, () -> reviews.approve(id, approval));
  }

  /**
   * A reviewer rejects a case in manual review.
   *
   * @param id the case
   * @param rejection the reviewer, the reason code and a note
   * @return the case and its events
   */
  public ReturnResult reject(ReturnId id, Rejection rejection) {
    return observer.observe(UseCase.REJECT, () -> reviews.reject(id, rejection));
  }

  /**
   * Arranges the return shipment (label or pickup) of an approved case through the logistics
   * port; the case then waits for the goods until the carrier's drop-off deadline.
   *
   * @param id the case
   * @param options label or pickup, and who asked
   * @return the case and its events
   */
  public ReturnResult arrangeShipment(ReturnId id, ShipmentOptions options) {
    return observer.observe(UseCase.ARRANGE_SHIPMENT, () -> shipments.arrangeShipment(id, options));
  }

  /**
   * Records a carrier's report about the return parcel: a scan on its way, the delivery to the
   * warehouse, or its loss (which decides liability and lets the case be settled without the
   * goods). Carrier feeds deliver late and out of order: a report that is older news than what
   * the case knows (a scan after the delivery, a loss report for a parcel already delivered or
   * counted, a repeated report) changes nothing and returns the case as it is, with no events.
   *
   * @param id the case
   * @param event the carrier's report; its tracking number must be the case's
   * @param reportedBy the process that carries the report (a {@code SYSTEM} actor by the
   *     standard access policy, e.g. {@code Actor.system("carrier-webhook")})
   * @return the case and its events (none if the report was older news)
   */
  public ReturnResult recordCarrierEvent(ReturnId id, CarrierEvent event, Actor reportedBy) {
    return observer.observe(UseCase.RECORD_CARRIER_EVENT,
        () -> shipments.recordCarrierEvent(id, event, reportedBy));
  }

  /**
   * The warehouse counts what arrived.
   *
   * @param id the case
   * @param receipt units received per line
   * @return the case and its events
   */
  public ReturnResult receive(ReturnId id, GoodsReceipt receipt) {
    return observer.observe(UseCase.RECEIVE, () -> warehouse.receive(id, receipt));
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
    return observer.observe(UseCase.INSPECT, () -> warehouse.inspect(id, report));
  }

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
   * @param actor who settles (a system job, or a supervisor, by the standard access policy)
   * @return the case and its events
   * @throws dev.returnkit.spi.PaymentException if the payment port did not confirm a payment
   */
  public ReturnResult settle(ReturnId id, Actor actor) {
    return observer.observe(UseCase.SETTLE, () -> settlements.settle(id, actor));
  }

  /**
   * Confirms that a planned payment the provider refused for good was paid another way, and
   * completes the settlement once nothing is left to pay. Only a supervisor may do it, by the
   * standard access policy.
   *
   * @param id the case, in {@code SETTLING}
   * @param payment the supervisor, the planned payment's key, the outside reference, a note
   * @return the case and its events
   * @throws dev.returnkit.spi.InvalidReturnRequestException if the input is malformed or the
   *     case planned no such unpaid payment
   */
  public ReturnResult recordManualPayment(ReturnId id, ManualPayment payment) {
    return observer.observe(UseCase.RECORD_MANUAL_PAYMENT,
        () -> settlements.recordManualPayment(id, payment));
  }

  /**
   * Sends the stock movements of an inspected case to the inventory port again. They are sent
   * after the inspection and after the settlement anyway; this is for repairing an inventory
   * outage that outlasted both. Idempotent: the port applies each movement once.
   *
   * @param id the case
   * @param actor who repairs (warehouse, supervisor or system by the standard access policy)
   * @return the movements sent, possibly none
   * @throws RuntimeException whatever the inventory port throws
   */
  public List<StockMovement> syncInventory(ReturnId id, Actor actor) {
    return observer.observe(UseCase.SYNC_INVENTORY, () -> warehouse.syncInventory(id, actor));
  }

  /**
   * Withdraws a return before the goods were sent; an arranged shipment is cancelled with the
   * carrier.
   *
   * @param id the case
   * @param cancellation who and why
   * @return the case and its events
   */
  public ReturnResult cancel(ReturnId id, Cancellation cancellation) {
    return observer.observe(UseCase.CANCEL, () -> cancellations.cancel(id, cancellation));
  }

  /**
   * Expires every case still waiting for its goods after the drop-off deadline, and cancels
   * their shipments. An advance exchange whose replacement was sent is not expired but settled:
   * the replacement is charged and the case completed (or, if the payment provider did not
   * confirm the charge, left {@code SETTLING} for {@link #settle} to retry). Meant for a
   * scheduler; safe to run from several instances at once (a case another instance changed
   * meanwhile is skipped).
   *
   * @param now the time to judge deadlines by
   * @param actor the job that expires them (a {@code SYSTEM} actor by the standard access
   *     policy), recorded in each case's history
   * @return the cases expired, or charged for their advance replacement
   */
  public List<ReturnResult> expireOverdue(Instant now, Actor actor) {
    return observer.observe(UseCase.EXPIRE_OVERDUE, () -> expiry.expireOverdue(now, actor));
  }

  /**
   * Checks a stored case against its hash-chained history: every link and hash, that the case
   * records its history's last entry as its head, and that the stored case is the state that
   * entry sealed. Every use case runs the same check on the case it loads and refuses a case
   * that fails it ({@link dev.returnkit.spi.CaseIntegrityException}); this reports instead.
   *
   * @param id the case
   * @param actor who audits (a supervisor or a system job, by the standard access policy)
   * @return every finding, with the sequence number of its entry; none if the case is intact
   * @throws dev.returnkit.spi.ReturnNotFoundException if there is no such case
   */
  public CaseAuditReport audit(ReturnId id, Actor actor) {
    return observer.observe(UseCase.AUDIT, () -> audits.audit(id, actor));
  }

  /**
   * Audits one page of the whole store, for a nightly job: call it with {@link
   * PageRequest#first} and then with each page's token until there is none.
   *
   * @param page the page size and the previous page's token
   * @param actor who audits
   * @return the report of every case on the page
   */
  public AuditPage auditStore(PageRequest page, Actor actor) {
    return observer.observe(UseCase.AUDIT_STORE, () -> audits.auditStore(page, actor, null, null));
  }

  /**
   * Audits one page of the store, and each case against a checkpoint taken earlier: a history
   * rewritten since (every hash recomputed, which {@link #audit} alone cannot find) no longer
   * holds the entry the checkpoint sealed.
   *
   * @param page the page size and the previous page's token
   * @param actor who audits
   * @param against a checkpoint from {@link #checkpoint}
   * @param key the key it was sealed with
   * @return the report of every case on the page
   * @throws IllegalArgumentException if the checkpoint is not sealed with the key
   */
  public AuditPage auditStore(PageRequest page, Actor actor, HistoryCheckpoint against,
      byte[] key) {
    return observer.observe(UseCase.AUDIT_STORE,
        () -> audits.auditStore(page, actor, Objects.requireNonNull(against, "against"), key));
  }

  /**
   * Seals the head of every case's history now, with a key the database does not hold. Keep
   * the checkpoint outside the database, and audit against it later.
   *
   * @param actor who takes it
   * @param key at least 32 bytes
   * @return the checkpoint
   */
  public HistoryCheckpoint checkpoint(Actor actor, byte[] key) {
    return observer.observe(UseCase.CHECKPOINT, () -> audits.checkpoint(actor, key));
  }

  /**
   * Erases a customer's personal data from every case of theirs, on their request (a right to
   * erasure): the notes on the case's lines and inspections, every note in its history and the
   * customer's own actor ids there. The history keeps what its hashes cover (the SHA-256 of
   * each erased text), so the chain and the audit stay intact, and each case records the
   * erasure as an {@code ERASE_PERSONAL_DATA} entry. What stays: the customer id (a pseudonym
   * the shop's own systems resolve), amounts, dates, reason codes, and history entries written
   * before returnkit's second chain format (counted in the result). docs/security.md has the
   * details for a data-protection officer.
   *
   * @param customerId the customer
   * @param actor who erases (a supervisor or a system job, by the standard access policy)
   * @return the cases erased, and the entries that could not be
   */
  public Erasure forgetCustomer(CustomerId customerId, Actor actor) {
    return observer.observe(UseCase.FORGET_CUSTOMER,
        () -> erasures.forgetCustomer(customerId, actor));
  }

  /**
   * Loads a case.
   *
   * @param id the case
   * @return the case as stored, or empty
   */
  public Optional<ReturnCaseSnapshot> find(ReturnId id) {
    return observer.observe(UseCase.FIND, () -> repository.findById(id));
  }

  /**
   * A case's history, oldest first.
   *
   * @param id the case
   * @return the entries, empty for an unknown case
   */
  public List<HistoryEntry> history(ReturnId id) {
    return observer.observe(UseCase.HISTORY, () -> repository.history(id));
  }

  /**
   * Builds a {@link Returns}. Storage, orders, logistics, payments, inventory and the policies
   * are required: {@link #build()} names every one that is missing. The customer notifier and
   * the event publisher default to dropping what they are given (logged at debug, and said once
   * at build); the clock, the id source, the service levels and the customer-history window
   * have defaults too.
   *
   * <p>Not thread-safe; the facade it builds is.
   */
  public static final class Builder {

    private static final Logger log = LoggerFactory.getLogger(Returns.class);

    private ReturnRepository repository;
    private OrderLookup orders;
    private ReturnLogistics logistics;
    private PaymentGateway payments;
    private InventoryGateway inventory;
    private ReplacementOrders replacements;
    private CustomerNotifier notifier;
    private ReturnEventPublisher publisher;
    private ReturnPolicies policies;
    private Clock clock = Clock.systemUTC();
    private ReturnIdSource ids;
    private ServiceLevels serviceLevels = ServiceLevels.DEFAULT;
    private Duration customerHistoryWindow = Duration.ofDays(90);
    private InputValidator validator;
    private ReturnsObserver observer = ReturnsObserver.none();

    private Builder() {}

    /**
     * Where cases and their history are stored. Required.
     *
     * @param repository the storage adapter
     * @return this
     */
    public Builder repository(ReturnRepository repository) {
      this.repository = repository;
      return this;
    }

    /**
     * The host's orders. Required.
     *
     * @param orders the order adapter
     * @return this
     */
    public Builder orders(OrderLookup orders) {
      this.orders = orders;
      return this;
    }

    /**
     * The host's carrier integration. Required.
     *
     * @param logistics the logistics adapter
     * @return this
     */
    public Builder logistics(ReturnLogistics logistics) {
      this.logistics = logistics;
      return this;
    }

    /**
     * The host's payment provider. Required.
     *
     * @param payments the payment adapter
     * @return this
     */
    public Builder payments(PaymentGateway payments) {
      this.payments = payments;
      return this;
    }

    /**
     * The host's inventory. Required.
     *
     * @param inventory the inventory adapter
     * @return this
     */
    public Builder inventory(InventoryGateway inventory) {
      this.inventory = inventory;
      return this;
    }

    /**
     * The host's order system for the replacement orders of exchanges. Optional: with it, the
     * settlement of a case with exchanged lines places one replacement order (after any
     * difference is charged, keyed by the case, so a retried settlement places it once) and
     * notes its id in the history, and the eligibility policy's advance exchanges are sent as
     * soon as the return shipment is arranged (charged if the goods do not come back by the
     * drop-off deadline); without it, the host places it on the {@code ExchangeOrdered}
     * events, as before, and nothing is exchanged in advance.
     *
     * @param replacements the replacement order adapter
     * @return this
     */
    public Builder replacements(ReplacementOrders replacements) {
      this.replacements = replacements;
      return this;
    }

    /**
     * How customers are told about their returns. Default: nobody is told (each message is
     * logged at debug).
     *
     * @param notifier the notification adapter
     * @return this
     */
    public Builder notifier(CustomerNotifier notifier) {
      this.notifier = Objects.requireNonNull(notifier, "notifier");
      return this;
    }

    /**
     * Where return events go. Default: nowhere (each batch is logged at debug). With
     * returns-jdbc, give the broker's publisher to its outbox relay instead, and leave this out.
     *
     * @param publisher the event adapter
     * @return this
     */
    public Builder events(ReturnEventPublisher publisher) {
      this.publisher = Objects.requireNonNull(publisher, "publisher");
      return this;
    }

    /**
     * The eligibility, liability, disposition and settlement policies. Required.
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
     * What metrics and tracing learn of the facade: every use case, every stored change, every
     * payment. Default: {@link ReturnsObserver#none()}.
     *
     * @param observer the observer (the Spring Boot starter's reports to Micrometer)
     * @return this
     */
    public Builder observer(ReturnsObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
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
        missing.add("repository (storage)");
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
      if (policies == null) {
        missing.add("policies");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("Returns needs " + String.join(", ", missing)
            + "; in-memory adapters for tests and demos are in dev.returnkit.core.inmemory"
            + " (InMemoryPorts.wire sets them all)");
      }
      List<String> dropped = new ArrayList<>();
      if (notifier == null) {
        notifier = DroppingPorts.notifier();
        dropped.add("no customer notifier: customers are not told about their returns");
      }
      if (publisher == null) {
        publisher = DroppingPorts.publisher();
        dropped.add("no event publisher: return events reach nobody but the repository");
      }
      if (!dropped.isEmpty()) {
        log.info("Returns built with {}", String.join("; ", dropped));
      }
      if (ids == null) {
        ids = ReturnIdSource.random(new SecureRandom());
      }
      return new Returns(this);
    }
  }
}
