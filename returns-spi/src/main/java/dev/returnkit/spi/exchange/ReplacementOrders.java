package dev.returnkit.spi.exchange;

import java.util.Optional;

/**
 * The host's order system, for the replacement orders of exchanges.
 *
 * <p><b>Idempotency:</b> the first {@link #place} with a key places an order; every later call
 * with the same key and the same request places nothing and returns that order (cancelled or
 * not); a later call with the same key and a different request throws
 * {@link ReplacementKeyReusedException}. {@link #cancel} of a placed order cancels it once;
 * cancelling it again returns it as it is. Both hold across restarts and between threads, with
 * the same key at once: it is what lets a retried exchange ship once. <b>Errors:</b> a
 * {@link dev.returnkit.spi.ReturnsException} when the order system refuses or cannot be
 * reached; retry with the same key.
 *
 * <p>The contract test {@code dev.returnkit.tck.ReplacementOrdersContract} (artifact
 * {@code returns-tck}) checks all of this for an implementation.
 */
public interface ReplacementOrders {

  /**
   * Places the replacement order of a request, or returns the one its key placed before.
   *
   * @param request what to ship
   * @return the order
   * @throws ReplacementKeyReusedException if the key placed a different request
   */
  ReplacementOrder place(ReplacementRequest request);

  /**
   * Cancels the replacement order a key placed (the returned goods never came, say, and the
   * replacement has not shipped), or returns it as it is if already cancelled.
   *
   * @param idempotencyKey the key that placed it
   * @return the cancelled order, or empty if the key placed nothing
   */
  Optional<ReplacementOrder> cancel(String idempotencyKey);

  /**
   * The replacement order a key placed, for reconciliation after a crash.
   *
   * @param idempotencyKey the key
   * @return the order, or empty if the key placed nothing
   */
  Optional<ReplacementOrder> find(String idempotencyKey);
}
