package dev.returnkit.examples.howto.payment;

import java.time.Instant;
import java.util.Optional;

/**
 * The client of "Acme Pay", a made-up payment provider, as its SDK would offer it: amounts in
 * minor units, an idempotency key per request, errors as codes. It stands for the SDK of the
 * shop's real provider; {@link AcmePayPaymentGateway} shows how to adapt such a client to
 * returnkit's {@code PaymentGateway} port.
 */
public interface AcmePayClient {

  /**
   * {@code POST /v1/refunds}: pays money back against an earlier payment, as a refund to the
   * card or as wallet credit. The same idempotency key with the same body returns the first
   * refund again; with another body it fails with {@code idempotency_key_in_use}. Acme Pay
   * refuses, with {@code amount_exceeds_refundable}, a refund that would take the payment's
   * refunds above {@code maxTotalRefundedMinor}.
   *
   * @param idempotencyKey the Idempotency-Key header
   * @param request the body
   * @return the refund
   * @throws AcmePayException on any error, with Acme Pay's code
   */
  Refund createRefund(String idempotencyKey, RefundRequest request);

  /**
   * {@code GET /v1/refunds?idempotency_key=...}: finds a refund by the key it was created with.
   *
   * @param idempotencyKey the key
   * @return the refund, or empty if none was created with it
   * @throws AcmePayException on any error
   */
  Optional<Refund> findRefund(String idempotencyKey);

  /**
   * {@code POST /v1/charges}: charges the card an earlier payment was made with (the card on
   * file). Idempotency keys are the account's: a key a refund used fails here with
   * {@code idempotency_key_in_use}, and the other way round.
   *
   * @param idempotencyKey the Idempotency-Key header
   * @param request the body
   * @return the charge
   * @throws AcmePayException on any error, with Acme Pay's code
   */
  Charge createCharge(String idempotencyKey, ChargeRequest request);

  /**
   * {@code GET /v1/charges?idempotency_key=...}: finds a charge by the key it was created with.
   *
   * @param idempotencyKey the key
   * @return the charge, or empty if none was created with it
   * @throws AcmePayException on any error
   */
  Optional<Charge> findCharge(String idempotencyKey);

  /**
   * A refund request.
   *
   * @param paymentId the payment refunded against
   * @param amountMinor the amount in minor units (cents)
   * @param currency the ISO currency code
   * @param destination {@code "card"} for a refund, {@code "wallet"} for store credit
   * @param maxTotalRefundedMinor the most the payment's refunds may add up to, this one
   *     included
   */
  record RefundRequest(String paymentId, long amountMinor, String currency, String destination,
      long maxTotalRefundedMinor) {}

  /**
   * A refund Acme Pay made.
   *
   * @param id Acme Pay's id, e.g. {@code re_000001}
   * @param request what was asked
   * @param createdAt when Acme Pay made it
   */
  record Refund(String id, RefundRequest request, Instant createdAt) {}

  /**
   * A charge request.
   *
   * @param paymentId the earlier payment whose card is charged
   * @param amountMinor the amount in minor units (cents)
   * @param currency the ISO currency code
   */
  record ChargeRequest(String paymentId, long amountMinor, String currency) {}

  /**
   * A charge Acme Pay made.
   *
   * @param id Acme Pay's id, e.g. {@code ch_000001}
   * @param request what was asked
   * @param createdAt when Acme Pay made it
   */
  record Charge(String id, ChargeRequest request, Instant createdAt) {}
}
