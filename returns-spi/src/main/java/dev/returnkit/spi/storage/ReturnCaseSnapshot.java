package dev.returnkit.spi.storage;

import dev.returnkit.spi.CurrencyMismatchException;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.ShipmentArrangement;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The complete stored state of a return case: what a {@link ReturnRepository} saves and loads.
 * The {@code ReturnCase} aggregate of returns-core is rebuilt from it.
 *
 * <p>Immutable. Every line and amount is in one currency, the order's.
 *
 * <p>The constructor refuses a case without lines, an order line twice, and any amount (line
 * price, line money, outbound shipping refund, payment) in another currency than the first
 * line's price ({@link dev.returnkit.spi.CurrencyMismatchException}).
 *
 * @param id the case
 * @param version the number of times the case was saved; 1 after the first save
 * @param historyHead the sequence and hash of the last history entry stored with this
 *     snapshot, so a writer can continue the chain without loading the history
 * @param orderId the order the goods came from
 * @param customerId the customer
 * @param status the lifecycle state
 * @param requestedAt when the customer asked
 * @param updatedAt when the last command ran
 * @param dueAt when the next step is due (review, drop-off, inspection, settlement), or
 *     {@code null} when nothing is pending on the shop or the customer (terminal states)
 * @param returnShippingPaidBy who pays the return shipment
 * @param shipment the arranged shipment, or {@code null}
 * @param lines the lines, at least one, with distinct order lines
 * @param outboundShippingPaid what the customer paid for outbound shipping on the order (copied
 *     from the order, like the lines' prices, so storage can check refunds against it)
 * @param outboundShippingRefund outbound shipping refunded by this case (zero if none)
 * @param payments the payments the settlement planned, paid or not
 */
public record ReturnCaseSnapshot(
    ReturnId id,
    long version,
    HistoryHead historyHead,
    OrderId orderId,
    CustomerId customerId,
    ReturnStatus status,
    Instant requestedAt,
    Instant updatedAt,
    Instant dueAt,
    ReturnShippingPayer returnShippingPaidBy,
    ShipmentArrangement shipment,
    List<ReturnLineSnapshot> lines,
    Money outboundShippingPaid,
    Money outboundShippingRefund,
    List<SettlementPayment> payments) {

  public ReturnCaseSnapshot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(historyHead, "historyHead");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(returnShippingPaidBy, "returnShippingPaidBy");
    Objects.requireNonNull(outboundShippingPaid, "outboundShippingPaid");
    Objects.requireNonNull(outboundShippingRefund, "outboundShippingRefund");
    if (version < 1) {
      throw new IllegalArgumentException("a stored case has version 1 or more, got " + version);
    }
    lines = List.copyOf(lines);
    payments = List.copyOf(payments);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("case " + id + " has no lines");
    }
    Currency currency = lines.get(0).currency();
    Set<OrderLineId> seen = new HashSet<>();
    for (ReturnLineSnapshot line : lines) {
      if (!seen.add(line.orderLineId())) {
        throw new IllegalArgumentException(
            "case " + id + " has order line " + line.orderLineId() + " twice");
      }
      requireCurrency(id, currency, line.orderLinePaid().gross(),
          "the price of line " + line.orderLineId());
      // LineMoney keeps its own four amounts in one currency: checking one checks them all.
      requireCurrency(id, currency, line.money().itemRefund(),
          "the money of line " + line.orderLineId());
    }
    // Every amount, not only the prices: a refund or payment in another currency would
    // otherwise surface only later, as a CurrencyMismatchException in paidOut() or in the core.
    requireCurrency(id, currency, outboundShippingPaid, "its outbound shipping paid");
    requireCurrency(id, currency, outboundShippingRefund, "its outbound shipping refund");
    for (SettlementPayment payment : payments) {
      requireCurrency(id, currency, payment.amount(), "payment " + payment.idempotencyKey());
    }
  }

  /**
   * Starts a case. Required: the id, order, customer, status, request and update times, who
   * pays return shipping, the lines and the outbound shipping paid. The version defaults to 1,
   * the history head to {@link HistoryHead#EMPTY}, the outbound shipping refund to zero and the
   * payments to none.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this case's values, to change some of them.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder().id(id).version(version).historyHead(historyHead).orderId(orderId)
        .customerId(customerId).status(status).requestedAt(requestedAt).updatedAt(updatedAt)
        .dueAt(dueAt).returnShippingPaidBy(returnShippingPaidBy).shipment(shipment).lines(lines)
        .outboundShippingPaid(outboundShippingPaid)
        .outboundShippingRefund(outboundShippingRefund).payments(payments);
  }

  private static void requireCurrency(ReturnId id, Currency currency, Money amount,
      String what) {
    if (!amount.currency().equals(currency)) {
      throw new CurrencyMismatchException(currency, amount.currency(), "case " + id
          + " is in " + currency.getCurrencyCode() + " but has " + what + " in "
          + amount.currency().getCurrencyCode());
    }
  }

  /**
   * The case's currency (the order's).
   *
   * @return the currency of every amount in the case
   */
  public Currency currency() {
    return lines.get(0).currency();
  }

  /**
   * Finds a line by its order line.
   *
   * @param orderLineId the order line
   * @return the line, or empty
   */
  public Optional<ReturnLineSnapshot> line(OrderLineId orderLineId) {
    for (ReturnLineSnapshot line : lines) {
      if (line.orderLineId().equals(orderLineId)) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }

  /**
   * What was refunded to the customer's original payment so far (confirmed payments only).
   *
   * @return the refunds paid
   */
  public Money refunded() {
    return paidOut(PaymentKind.REFUND);
  }

  /**
   * The case's money in total: net, tax, discounts, what was kept, and per tender.
   *
   * @return the totals
   */
  public CaseMoney money() {
    return CaseMoney.of(this);
  }

  /**
   * The total confirmed by the payment port, of one kind.
   *
   * @param kind refund, store credit, or charge (what exchanges charged, not money paid out)
   * @return the sum of paid payments of that kind
   */
  public Money paidOut(PaymentKind kind) {
    Money total = Money.zero(currency());
    for (SettlementPayment payment : payments) {
      if (payment.isPaid() && payment.kind() == kind) {
        total = total.plus(payment.amount());
      }
    }
    return total;
  }

  /**
   * Builds a {@link ReturnCaseSnapshot}; {@link #build()} applies the record's checks. Not
   * thread-safe.
   */
  public static final class Builder {

    private ReturnId id;
    private long version = 1;
    private HistoryHead historyHead = HistoryHead.EMPTY;
    private OrderId orderId;
    private CustomerId customerId;
    private ReturnStatus status;
    private Instant requestedAt;
    private Instant updatedAt;
    private Instant dueAt;
    private ReturnShippingPayer returnShippingPaidBy;
    private ShipmentArrangement shipment;
    private List<ReturnLineSnapshot> lines = List.of();
    private Money outboundShippingPaid;
    private Money outboundShippingRefund;
    private List<SettlementPayment> payments = List.of();

    private Builder() {}

    /** @param value the case @return this */
    public Builder id(ReturnId value) {
      this.id = value;
      return this;
    }

    /** @param value how often the case was saved, 1 or more @return this */
    public Builder version(long value) {
      this.version = value;
      return this;
    }

    /** @param value the last history entry stored with the case @return this */
    public Builder historyHead(HistoryHead value) {
      this.historyHead = value;
      return this;
    }

    /** @param value the order @return this */
    public Builder orderId(OrderId value) {
      this.orderId = value;
      return this;
    }

    /** @param value the customer @return this */
    public Builder customerId(CustomerId value) {
      this.customerId = value;
      return this;
    }

    /** @param value the lifecycle state @return this */
    public Builder status(ReturnStatus value) {
      this.status = value;
      return this;
    }

    /** @param value when the customer asked @return this */
    public Builder requestedAt(Instant value) {
      this.requestedAt = value;
      return this;
    }

    /** @param value when the last command ran @return this */
    public Builder updatedAt(Instant value) {
      this.updatedAt = value;
      return this;
    }

    /** @param value when the next step is due, or null @return this */
    public Builder dueAt(Instant value) {
      this.dueAt = value;
      return this;
    }

    /** @param value who pays the return shipment @return this */
    public Builder returnShippingPaidBy(ReturnShippingPayer value) {
      this.returnShippingPaidBy = value;
      return this;
    }

    /** @param value the arranged shipment, or null @return this */
    public Builder shipment(ShipmentArrangement value) {
      this.shipment = value;
      return this;
    }

    /** @param value the lines, at least one @return this */
    public Builder lines(List<ReturnLineSnapshot> value) {
      this.lines = value;
      return this;
    }

    /** @param value the outbound shipping paid on the order @return this */
    public Builder outboundShippingPaid(Money value) {
      this.outboundShippingPaid = value;
      return this;
    }

    /** @param value outbound shipping refunded by this case; null for zero @return this */
    public Builder outboundShippingRefund(Money value) {
      this.outboundShippingRefund = value;
      return this;
    }

    /** @param value the planned payments @return this */
    public Builder payments(List<SettlementPayment> value) {
      this.payments = value;
      return this;
    }

    /**
     * Builds the case.
     *
     * @return the case
     * @throws NullPointerException if a required value is missing
     * @throws IllegalArgumentException if the values contradict each other
     */
    public ReturnCaseSnapshot build() {
      Objects.requireNonNull(outboundShippingPaid, "outboundShippingPaid");
      return new ReturnCaseSnapshot(id, version, historyHead, orderId, customerId, status,
          requestedAt, updatedAt, dueAt, returnShippingPaidBy, shipment, lines,
          outboundShippingPaid,
          outboundShippingRefund == null ? Money.zero(outboundShippingPaid.currency())
              : outboundShippingRefund,
          payments);
    }
  }
}
