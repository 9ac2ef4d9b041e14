package dev.returnkit.examples.howto.payment;

import dev.returnkit.examples.howto.payment.AcmePayClient.Charge;
import dev.returnkit.examples.howto.payment.AcmePayClient.ChargeRequest;
import dev.returnkit.examples.howto.payment.AcmePayClient.Refund;
import dev.returnkit.examples.howto.payment.AcmePayClient.RefundRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Acme Pay's sandbox, in memory: behaves as the provider documents (idempotency keys, the
 * refundable limit checked atomically) and can be told to be down. The adapter's tests run
 * against it, as they would against a real provider's sandbox. Thread-safe.
 */
public final class AcmePaySandbox implements AcmePayClient {

  private final Clock clock;
  private final Map<String, Refund> refundsByKey = new HashMap<>();
  private final Map<String, Long> refundedByPayment = new HashMap<>();
  private final Map<String, Charge> chargesByKey = new HashMap<>();
  private boolean down;
  private int refunds;
  private int charges;

  /**
   * A sandbox stamping refunds with a clock.
   *
   * @param clock the clock
   */
  public AcmePaySandbox(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Refund createRefund(String idempotencyKey, RefundRequest request) {
    requireUp();
    if (chargesByKey.containsKey(idempotencyKey)) {
      throw keyInUse(idempotencyKey, chargesByKey.get(idempotencyKey).request());
    }
    Refund earlier = refundsByKey.get(idempotencyKey);
    if (earlier != null) {
      if (!earlier.request().equals(request)) {
        throw keyInUse(idempotencyKey, earlier.request());
      }
      return earlier;
    }
    requirePayment(request.paymentId());
    long refunded = refundedByPayment.getOrDefault(request.paymentId(), 0L);
    if (refunded + request.amountMinor() > request.maxTotalRefundedMinor()) {
      throw new AcmePayException(422, AcmePayException.AMOUNT_EXCEEDS_REFUNDABLE,
          "refunds on " + request.paymentId() + " would pass the refundable amount", refunded);
    }
    Refund refund = new Refund(String.format("re_%06d", ++refunds), request, clock.instant());
    refundsByKey.put(idempotencyKey, refund);
    refundedByPayment.put(request.paymentId(), refunded + request.amountMinor());
    return refund;
  }

  @Override
  public synchronized Optional<Refund> findRefund(String idempotencyKey) {
    requireUp();
    return Optional.ofNullable(refundsByKey.get(idempotencyKey));
  }

  @Override
  public synchronized Charge createCharge(String idempotencyKey, ChargeRequest request) {
    requireUp();
    if (refundsByKey.containsKey(idempotencyKey)) {
      throw keyInUse(idempotencyKey, refundsByKey.get(idempotencyKey).request());
    }
    Charge earlier = chargesByKey.get(idempotencyKey);
    if (earlier != null) {
      if (!earlier.request().equals(request)) {
        throw keyInUse(idempotencyKey, earlier.request());
      }
      return earlier;
    }
    requirePayment(request.paymentId());
    Charge charge = new Charge(String.format("ch_%06d", ++charges), request, clock.instant());
    chargesByKey.put(idempotencyKey, charge);
    return charge;
  }

  @Override
  public synchronized Optional<Charge> findCharge(String idempotencyKey) {
    requireUp();
    return Optional.ofNullable(chargesByKey.get(idempotencyKey));
  }

  private void requireUp() {
    if (down) {
      throw new AcmePayException(503, AcmePayException.UNAVAILABLE, "try again later");
    }
  }

  private static void requirePayment(String paymentId) {
    if (paymentId.isBlank()) {
      throw new AcmePayException(404, AcmePayException.PAYMENT_NOT_FOUND, "no payment id");
    }
  }

  private static AcmePayException keyInUse(String idempotencyKey, Object firstRequest) {
    return new AcmePayException(409, AcmePayException.IDEMPOTENCY_KEY_IN_USE,
        "key " + idempotencyKey + " was used for " + firstRequest);
  }

  /**
   * The sandbox dashboard's total refunded against a payment.
   *
   * @param paymentId the payment
   * @return the total in minor units
   */
  public synchronized long refundedMinor(String paymentId) {
    return refundedByPayment.getOrDefault(paymentId, 0L);
  }

  /**
   * Takes the sandbox down or brings it back.
   *
   * @param down whether every call fails with 503
   */
  public synchronized void setDown(boolean down) {
    this.down = down;
  }
}
