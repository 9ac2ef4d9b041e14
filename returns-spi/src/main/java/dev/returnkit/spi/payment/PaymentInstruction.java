package dev.returnkit.spi.payment;

import dev.returnkit.spi.CurrencyMismatchException;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.TenderType;
import java.util.List;
import java.util.Objects;

/**
 * One payment that returnkit asks the payment port to make: money back to the customer (a
 * refund or store credit), or, for an exchange for a dearer item, a charge.
 *
 * <p>The constructor refuses an amount that is not above zero, a limit in another currency
 * ({@link dev.returnkit.spi.CurrencyMismatchException}), and a charge whose limit is not its
 * amount.
 *
 * @param idempotencyKey unique per planned payment, derived from the case, the line and the
 *     purpose; the port pays each key at most once
 * @param returnId the case
 * @param orderId the order the money was paid on
 * @param customerId the customer
 * @param paymentReference the host's reference of the payment refunded: the tender's reference
 *     for a refund; for store credit, which goes back to no tender, the order's id; for a
 *     charge, the tender charged (the order's id when the order names none)
 * @param kind refund, store credit or charge
 * @param amount what to pay, or to charge, above zero
 * @param limit the most that may ever be paid out in total against {@code paymentReference}
 *     (what the tender captured; for store credit, what the customer paid on the order); the
 *     port refuses a payment that would take the total above it. A charge takes money in, so it
 *     is not counted in that total; its limit is the charge itself
 * @param tender the kind of tender a refund goes back to, or a charge is taken from
 *     ({@code null} for store credit, for a refund planned before orders had tenders, and for
 *     a charge on an order without tenders)
 * @param lines what the payment pays for, line by line, with units, net and tax (empty for
 *     outbound shipping, and for payments planned before refunds had a breakdown)
 */
public record PaymentInstruction(
    String idempotencyKey,
    ReturnId returnId,
    OrderId orderId,
    CustomerId customerId,
    String paymentReference,
    PaymentKind kind,
    Money amount,
    Money limit,
    TenderType tender,
    List<PaymentLine> lines) {

  public PaymentInstruction {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(returnId, "returnId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(paymentReference, "paymentReference");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(limit, "limit");
    lines = List.copyOf(lines);
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a payment must be above zero, got " + amount);
    }
    if (!amount.currency().equals(limit.currency())) {
      throw new CurrencyMismatchException(limit.currency(), amount.currency(), "amount "
          + amount + " and limit " + limit + " are in different currencies");
    }
    if (kind == PaymentKind.CHARGE && !limit.equals(amount)) {
      throw new IllegalArgumentException("a charge's limit is the charge, " + amount + ", got "
          + limit);
    }
  }

  /**
   * An instruction without tender or breakdown, as returnkit sent before orders had tenders.
   *
   * @param idempotencyKey the key
   * @param returnId the case
   * @param orderId the order
   * @param customerId the customer
   * @param paymentReference the payment refunded
   * @param kind refund or store credit
   * @param amount what to pay
   * @param limit the most ever paid out against the reference
   */
  public PaymentInstruction(String idempotencyKey, ReturnId returnId, OrderId orderId,
      CustomerId customerId, String paymentReference, PaymentKind kind, Money amount,
      Money limit) {
    this(idempotencyKey, returnId, orderId, customerId, paymentReference, kind, amount, limit,
        null, List.of());
  }
}
