package dev.returnkit.spi.payment;

import dev.returnkit.spi.CurrencyMismatchException;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Money;
import java.util.Objects;

/**
 * One payment to the customer that returnkit asks the payment port to make.
 *
 * <p>The constructor refuses an amount that is not above zero, and a limit in another currency
 * ({@link dev.returnkit.spi.CurrencyMismatchException}).
 *
 * @param idempotencyKey unique per planned payment, derived from the case, the line and the
 *     purpose; the port pays each key at most once
 * @param returnId the case
 * @param orderId the order the money was paid on
 * @param customerId the customer
 * @param paymentReference the host's reference of the original payment
 * @param kind refund or store credit
 * @param amount what to pay, above zero
 * @param limit the most that may ever be paid out in total against {@code paymentReference}
 *     (what the customer paid on the order); the port refuses a payment that would take the
 *     total above it
 */
public record PaymentInstruction(
    String idempotencyKey,
    ReturnId returnId,
    OrderId orderId,
    CustomerId customerId,
    String paymentReference,
    PaymentKind kind,
    Money amount,
    Money limit) {

  public PaymentInstruction {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(returnId, "returnId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(paymentReference, "paymentReference");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(limit, "limit");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a payment must be above zero, got " + amount);
    }
    if (!amount.currency().equals(limit.currency())) {
      throw new CurrencyMismatchException(limit.currency(), amount.currency(), "amount "
          + amount + " and limit " + limit + " are in different currencies");
    }
  }
}
