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
    Currency currency = lines.get(0).unitPrice().currency();
    Set<OrderLineId> seen = new HashSet<>();
    for (ReturnLineSnapshot line : lines) {
      if (!seen.add(line.orderLineId())) {
        throw new IllegalArgumentException(
            "case " + id + " has order line " + line.orderLineId() + " twice");
      }
      requireCurrency(id, currency, line.unitPrice(), "the price of line " + line.orderLineId());
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
    return lines.get(0).unitPrice().currency();
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
   * The total confirmed by the payment port, of one kind.
   *
   * @param kind refund or store credit
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
}
