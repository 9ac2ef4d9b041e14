package dev.returnkit.spi.payment;

import dev.returnkit.spi.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * The payment provider's confirmation of a payment. Asking again with the same idempotency key
 * returns an equal receipt.
 *
 * @param idempotencyKey the key of the instruction it confirms
 * @param providerReference the provider's own id for the payment
 * @param kind refund or store credit
 * @param amount what was paid
 * @param processedAt when the provider processed it
 */
public record PaymentReceipt(
    String idempotencyKey,
    String providerReference,
    PaymentKind kind,
    Money amount,
    Instant processedAt) {

  public PaymentReceipt {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(providerReference, "providerReference");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(processedAt, "processedAt");
  }
}
