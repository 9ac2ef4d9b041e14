package dev.returnkit.spi.payment;

import dev.returnkit.spi.PaymentException;
import dev.returnkit.spi.PaymentRejectedException;
import dev.returnkit.spi.PaymentUnavailableException;
import java.util.Optional;

/**
 * The host's payment provider: pays refunds, issues store credit and charges the difference of
 * an exchange for a dearer item.
 *
 * <p><b>Idempotency:</b> every instruction carries an idempotency key. The first call with a
 * key pays; every later call with the same key and the same content pays nothing and returns
 * the first call's receipt; a later call with the same key and different content throws
 * {@link IdempotencyKeyReusedException}. This must hold across restarts and between threads:
 * it is what makes a retried settlement safe. <b>Limit:</b> the total paid out against one
 * payment reference, refunds and store credit together, never exceeds the instruction's
 * limit; a payment that would exceed it throws {@link RefundLimitExceededException}, pays
 * nothing and leaves its key unused. A {@link PaymentKind#CHARGE} takes money in: it is
 * idempotent by key like the others, and neither uses up nor adds to what may be refunded
 * against its reference. <b>Thread-safety:</b>
 * implementations must be safe to call from many threads, including with the same key at once.
 * <b>Errors:</b> {@link PaymentUnavailableException} when the outcome is unknown (retry with the
 * same key), {@link PaymentRejectedException} when the provider refuses.
 *
 * <p>The contract test {@code dev.returnkit.tck.PaymentGatewayContract} (artifact
 * {@code returns-tck}) checks all of this for an implementation.
 */
public interface PaymentGateway {

  /**
   * Pays (or charges), or returns the receipt of the earlier payment with the same key.
   *
   * @param instruction what to pay
   * @return the receipt
   * @throws PaymentException if the provider did not confirm the payment
   */
  PaymentReceipt pay(PaymentInstruction instruction);

  /**
   * Looks up the receipt of a payment by its idempotency key, for reconciliation after a crash.
   *
   * @param idempotencyKey the key
   * @return the receipt, or empty if nothing was paid with that key
   */
  Optional<PaymentReceipt> findReceipt(String idempotencyKey);
}
