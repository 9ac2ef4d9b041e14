package dev.returnkit.tck;

import dev.returnkit.spi.history.HistoryChain;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.logistics.ShipmentArrangement;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.LineMoney;
import dev.returnkit.spi.storage.LineQuantities;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Valid return cases and case writes for storage tests, so a test says what it changes rather
 * than how a snapshot is assembled. Usable from an adapter's own tests as well as from
 * {@link ReturnRepositoryContract}.
 *
 * <p>History entries are made with {@link HistoryChain#append}, so their hashes are right: a
 * repository that stores them faithfully keeps an intact chain, and one that alters a field
 * (an instant rounded to milliseconds, a note trimmed) breaks it. For the same reason every
 * instant here carries microseconds.
 *
 * <p>The writes are not checked against the lifecycle: a repository stores what it is given.
 * Stateless and thread-safe.
 */
public final class TckCases {

  /** When the default case was requested; the microseconds are there to be lost. */
  public static final Instant REQUESTED_AT = Instant.parse("2026-03-01T10:15:30.123456Z");

  /** The default case's order. */
  public static final OrderId ORDER = OrderId.of("O-1001");

  /** The default case's customer. */
  public static final CustomerId CUSTOMER = CustomerId.of("C-501");

  /** The currency of every case built here, unless a test builds its own lines. */
  public static final Currency EUR = Currency.getInstance("EUR");

  /** Each entry of one write is this much later than the one before, as commands would be. */
  private static final Duration STEP = Duration.ofMinutes(1);

  private TckCases() {}

  /**
   * The first save of a case in review: version 1, one {@code REQUEST} entry, due in two days.
   *
   * @param id the case
   * @return the write that creates it
   */
  public static CaseWrite newCase(ReturnId id) {
    return newCase(id, ORDER, CUSTOMER, ReturnStatus.IN_REVIEW, REQUESTED_AT,
        REQUESTED_AT.plus(Duration.ofDays(2)));
  }

  /**
   * The first save of a case with one plain line (no note, inspection, decision or money yet).
   *
   * @param id the case
   * @param orderId its order
   * @param customerId its customer
   * @param status the state the request put it in
   * @param requestedAt when it was requested (and updated)
   * @param dueAt when its next step is due, or {@code null}
   * @return the write that creates it: version 1, one {@code REQUEST} entry
   */
  public static CaseWrite newCase(ReturnId id, OrderId orderId, CustomerId customerId,
      ReturnStatus status, Instant requestedAt, Instant dueAt) {
    ReturnLineSnapshot line = new ReturnLineSnapshot(OrderLineId.of("L-1"), Sku.of("SKU-TEE-M"),
        "apparel", LineValue.untaxed(Money.of("49.90", "EUR")), 2, ReturnReason.DOES_NOT_FIT,
            Resolution.REFUND,
        null, LineVerdict.APPROVED, List.of(), false, LineQuantities.requested(1), null, null,
        null, null, LineMoney.zero(EUR));
    ReturnCaseSnapshot draft = new ReturnCaseSnapshot(id, 1, HistoryHead.EMPTY, orderId,
        customerId, status, requestedAt, requestedAt, dueAt, ReturnShippingPayer.CUSTOMER, null,
        List.of(line), Money.of("4.95", "EUR"), Money.zero(EUR), List.of());
    return write(draft, 0, HistoryHead.EMPTY, Actor.customer(customerId.value()), status);
  }

  /**
   * The first save of a case that holds units and money of line {@code L-1} of an order (2
   * units bought at EUR 24.95, EUR 4.95 outbound shipping paid): it is settling, with
   * {@code units} requested, approved, received and accepted, the given item refund due, and the
   * given outbound shipping refunded. For testing the order limits of {@link
   * dev.returnkit.spi.storage.OrderLimits}.
   *
   * @param id the case
   * @param orderId its order
   * @param units units it holds, 1 or 2
   * @param itemRefund the item refund due on the line
   * @param outboundShippingRefund the outbound shipping it refunds
   * @return the write that creates it
   */
  public static CaseWrite holding(ReturnId id, OrderId orderId, int units, Money itemRefund,
      Money outboundShippingRefund) {
    ReturnLineSnapshot line = new ReturnLineSnapshot(OrderLineId.of("L-1"), Sku.of("SKU-TEE-M"),
        "apparel", LineValue.untaxed(Money.of("49.90", "EUR")), 2, ReturnReason.WRONG_ITEM_SHIPPED,
        Resolution.REFUND, null, LineVerdict.APPROVED, List.of(), false,
        new LineQuantities(units, units, units, units), Inspection.of(ItemGrade.A),
        Liability.SELLER, Disposition.RESTOCK, Resolution.REFUND,
        new LineMoney(itemRefund, Money.zero(EUR), Money.zero(EUR), Money.zero(EUR)));
    ReturnCaseSnapshot draft = new ReturnCaseSnapshot(id, 1, HistoryHead.EMPTY, orderId,
        CUSTOMER, ReturnStatus.SETTLING, REQUESTED_AT, REQUESTED_AT, null,
        ReturnShippingPayer.SELLER, null, List.of(line), Money.of("4.95", "EUR"),
        outboundShippingRefund, List.of());
    return write(draft, 0, HistoryHead.EMPTY, Actor.customer(CUSTOMER.value()),
        ReturnStatus.SETTLING);
  }

  /**
   * A case as {@link #holding} makes it, one unit, whose line claws back (or, negative, gives
   * back) a promotion. For testing that an order's cases never give back more than they clawed
   * back.
   *
   * @param id the case
   * @param orderId its order
   * @param refund the item refund
   * @param clawback clawed back from it (negative: given back on top of it)
   * @return the write that creates it
   */
  public static CaseWrite clawingBack(ReturnId id, OrderId orderId, Money refund,
      Money clawback) {
    ReturnCaseSnapshot holding = holding(id, orderId, 1, refund, Money.zero(EUR)).snapshot();
    Money zero = Money.zero(EUR);
    ReturnLineSnapshot line = holding.lines().get(0).withMoney(new LineMoney(refund, zero, zero,
        zero, zero, zero, clawback));
    return write(holding.toBuilder().lines(List.of(line)).build(), 0, HistoryHead.EMPTY,
        Actor.customer(CUSTOMER.value()), ReturnStatus.SETTLING);
  }

  /**
   * A settling case that refunds {@code refund} to a tender and charges {@code charge} to the
   * same tender (an exchange for a dearer item). For testing that a charge is not counted as
   * money back to the tender.
   *
   * @param id the case
   * @param orderId its order
   * @param refund the item refund, planned to the tender
   * @param charge the exchange difference, charged to it
   * @param tender the tender
   * @return the write that creates it
   */
  public static CaseWrite refundingAndCharging(ReturnId id, OrderId orderId, Money refund,
      Money charge, Tender tender) {
    ReturnCaseSnapshot refunding = refundingTender(id, orderId, refund, tender).snapshot();
    List<SettlementPayment> payments = new ArrayList<>(refunding.payments());
    payments.add(SettlementPayment.planned(id.value() + "/L-1/EXCHANGE_DIFFERENCE",
        OrderLineId.of("L-1"), PaymentPurpose.EXCHANGE_DIFFERENCE, PaymentKind.CHARGE, charge,
        tender));
    return write(refunding.toBuilder().payments(payments).build(), 0, HistoryHead.EMPTY,
        Actor.customer(CUSTOMER.value()), ReturnStatus.SETTLING);
  }

  /**
   * A case as {@link #holding} makes it, one unit, whose item refund is planned as one payment
   * to a tender of the order. For testing that no tender gets back more than it captured.
   *
   * @param id the case
   * @param orderId its order
   * @param refund the item refund, planned to the tender
   * @param tender the tender refunded
   * @return the write that creates it
   */
  public static CaseWrite refundingTender(ReturnId id, OrderId orderId, Money refund,
      Tender tender) {
    ReturnCaseSnapshot holding = holding(id, orderId, 1, refund, Money.zero(EUR)).snapshot();
    ReturnCaseSnapshot draft = holding.toBuilder().payments(List.of(SettlementPayment.planned(
        id.value() + "/L-1/ITEM_REFUND", OrderLineId.of("L-1"), PaymentPurpose.ITEM_REFUND,
        PaymentKind.REFUND, refund, tender))).build();
    return write(draft, 0, HistoryHead.EMPTY, Actor.customer(CUSTOMER.value()),
        ReturnStatus.SETTLING);
  }

  /**
   * The first save of a case that went from request to settlement in one write, with every
   * optional field of the snapshot filled in at least once (a note, an inspection with
   * findings, liability, disposition, money, a shipment, paid and unpaid payments, a due time)
   * and several history entries. A repository that drops or rounds any field reads it back
   * unequal.
   *
   * @param id the case
   * @return the write that creates it: version 1, six entries, status {@code SETTLING}
   */
  public static CaseWrite settlingCase(ReturnId id) {
    ReturnLineSnapshot inspected = new ReturnLineSnapshot(OrderLineId.of("L-1"),
        Sku.of("SKU-JACKET-L"), "apparel", LineValue.untaxed(Money.of("99.80", "EUR")), 2,
        ReturnReason.DOES_NOT_FIT, Resolution.REFUND, "Too small across the shoulders",
        LineVerdict.APPROVED, List.of("WITHIN_WINDOW"), false, new LineQuantities(2, 2, 2, 2),
        new Inspection(ItemGrade.B, Set.of(InspectionFinding.PACKAGING_DAMAGED,
            InspectionFinding.SIGNS_OF_USE), "box torn, worn once"),
        Liability.CUSTOMER, Disposition.RESTOCK_OPEN_BOX, Resolution.REFUND,
        new LineMoney(Money.of("99.80", "EUR"), Money.of("5.00", "EUR"),
            Money.of("4.95", "EUR"), Money.of("89.85", "EUR")));
    ReturnLineSnapshot returnless = new ReturnLineSnapshot(OrderLineId.of("L-2"),
        Sku.of("SKU-MUG"), "kitchen", LineValue.untaxed(Money.of("12.00", "EUR")), 1,
        ReturnReason.DAMAGED_IN_TRANSIT, Resolution.STORE_CREDIT, "Arrived in pieces",
        LineVerdict.APPROVED, List.of("CARRIER_DAMAGE", "RETURNLESS_UNDER_LIMIT"), true,
        new LineQuantities(1, 1, 0, 1), null, Liability.CARRIER, null, Resolution.STORE_CREDIT,
        new LineMoney(Money.of("12.00", "EUR"), Money.zero(EUR), Money.zero(EUR),
            Money.of("12.00", "EUR")));
    ShipmentArrangement shipment = new ShipmentArrangement("returnkit-post", "RK000042",
        ShippingMethod.LABEL, "https://labels.example/RK000042.pdf",
        // In summer time, unlike the request: catches adapters that convert through a zone.
        Instant.parse("2026-07-15T21:59:59.999999Z"));
    List<SettlementPayment> payments = List.of(
        new SettlementPayment(id.value() + "/L-1/ITEM_REFUND", OrderLineId.of("L-1"),
            PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND, Money.of("89.85", "EUR"), "PAY-1",
            REQUESTED_AT.plus(Duration.ofDays(9)).plusNanos(1_000)),
        new SettlementPayment(id.value() + "/L-2/ITEM_REFUND", OrderLineId.of("L-2"),
            PaymentPurpose.ITEM_REFUND, PaymentKind.STORE_CREDIT, Money.of("12.00", "EUR"),
            "PAY-2", REQUESTED_AT.plus(Duration.ofDays(9)).plusNanos(2_000)),
        SettlementPayment.planned(id.value() + "/OUTBOUND_SHIPPING_REFUND", null,
            PaymentPurpose.OUTBOUND_SHIPPING_REFUND, PaymentKind.REFUND,
            Money.of("4.95", "EUR")));
    ReturnCaseSnapshot draft = new ReturnCaseSnapshot(id, 1, HistoryHead.EMPTY, ORDER,
        CUSTOMER, ReturnStatus.SETTLING, REQUESTED_AT, REQUESTED_AT,
        REQUESTED_AT.plus(Duration.ofDays(10)).plusNanos(7_000), ReturnShippingPayer.SELLER,
        shipment, List.of(inspected, returnless), Money.of("4.95", "EUR"),
        Money.of("4.95", "EUR"), payments);
    return write(draft, 0, HistoryHead.EMPTY, Actor.customer(CUSTOMER.value()),
        ReturnStatus.APPROVED, ReturnStatus.AWAITING_RETURN, ReturnStatus.IN_TRANSIT,
        ReturnStatus.RECEIVED, ReturnStatus.INSPECTED, ReturnStatus.SETTLING);
  }

  /**
   * The next save of a stored case, by an agent: one history entry per state it passes
   * through, continuing the stored history.
   *
   * @param stored the case as loaded
   * @param path the states it moves to, in order, at least one
   * @return the write, expecting the stored version
   */
  public static CaseWrite update(ReturnCaseSnapshot stored, ReturnStatus... path) {
    return update(stored, Actor.agent("agent-7"), path);
  }

  /**
   * The next save of a stored case by a given actor: writers that differ in actor write
   * different entries, so a test can tell whose write was stored.
   *
   * @param stored the case as loaded
   * @param actor who issues the commands
   * @param path the states it moves to, in order, at least one
   * @return the write, expecting the stored version
   */
  public static CaseWrite update(ReturnCaseSnapshot stored, Actor actor, ReturnStatus... path) {
    return write(stored, stored.version(), stored.historyHead(), actor, path);
  }

  /**
   * Any write, including ones a repository must refuse: its entries continue {@code after},
   * which need not be the stored head, and it may expect any version.
   *
   * <p>The written snapshot is {@code base} with the version {@code expectedVersion + 1}, the
   * head, state and update time of the last new entry, and no due time once terminal.
   *
   * @param base the case the write starts from
   * @param expectedVersion the version the write claims to have read, 0 to create
   * @param after the history head the new entries continue
   * @param actor who issues the commands
   * @param path the states the case moves to, one entry each, at least one
   * @return the write
   */
  public static CaseWrite write(ReturnCaseSnapshot base, long expectedVersion, HistoryHead after,
      Actor actor, ReturnStatus... path) {
    Objects.requireNonNull(base, "base");
    if (path.length == 0) {
      throw new IllegalArgumentException("a write moves the case through at least one state");
    }
    boolean creating = expectedVersion == 0;
    Instant at = creating ? base.requestedAt() : base.updatedAt().plus(STEP);
    ReturnStatus from = creating ? null : base.status();
    HistoryHead head = after;
    List<HistoryEntry> entries = new ArrayList<>(path.length);
    for (ReturnStatus to : path) {
      ReturnCommand command = entries.isEmpty() && creating ? ReturnCommand.REQUEST : into(to);
      String note = from == null ? null : actor.id() + " moved it from " + from + " to " + to;
      String rule = "tck/" + command.name().toLowerCase(Locale.ROOT);
      HistoryEntry entry = HistoryChain.append(head, base.id(), at, actor, command, from, to,
          List.of("TCK_" + to.name()), List.of(rule), note);
      entries.add(entry);
      head = HistoryHead.of(entry);
      from = to;
      at = at.plus(STEP);
    }
    HistoryEntry last = entries.get(entries.size() - 1);
    ReturnCaseSnapshot snapshot = new ReturnCaseSnapshot(base.id(), expectedVersion + 1, head,
        base.orderId(), base.customerId(), last.toStatus(), base.requestedAt(), last.at(),
        last.toStatus().isTerminal() ? null : base.dueAt(), base.returnShippingPaidBy(),
        base.shipment(), base.lines(), base.outboundShippingPaid(), base.outboundShippingRefund(),
        base.payments());
    return new CaseWrite(snapshot, expectedVersion, entries, List.of());
  }

  /** The command that usually leads into a state; only for realistic-looking history. */
  private static ReturnCommand into(ReturnStatus status) {
    return switch (status) {
      case IN_REVIEW -> ReturnCommand.REQUEST;
      case APPROVED -> ReturnCommand.APPROVE;
      case AWAITING_RETURN -> ReturnCommand.ARRANGE_SHIPMENT;
      case IN_TRANSIT -> ReturnCommand.RECORD_IN_TRANSIT;
      case DELIVERED -> ReturnCommand.RECORD_DELIVERY;
      case LOST_IN_TRANSIT -> ReturnCommand.RECORD_LOSS;
      case RECEIVED -> ReturnCommand.RECEIVE;
      case INSPECTED -> ReturnCommand.INSPECT;
      case SETTLING -> ReturnCommand.BEGIN_SETTLEMENT;
      case COMPLETED -> ReturnCommand.COMPLETE_SETTLEMENT;
      case REJECTED -> ReturnCommand.REJECT;
      case CANCELLED -> ReturnCommand.CANCEL;
      case EXPIRED -> ReturnCommand.EXPIRE;
    };
  }
}
