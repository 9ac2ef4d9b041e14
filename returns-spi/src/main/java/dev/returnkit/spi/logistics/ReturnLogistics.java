package dev.returnkit.spi.logistics;

import dev.returnkit.spi.LogisticsException;
import dev.returnkit.spi.id.ReturnId;

/**
 * The host's carrier integration: arranges the return shipment (a label or a pickup) and
 * cancels it when a return is withdrawn or expires.
 *
 * <p><b>Idempotency:</b> {@link #arrange} is keyed by the return id: asking again for the same
 * case returns the arrangement made the first time and books nothing new, so returnkit can
 * retry after a crash or a lost race. {@link #cancel} of an already cancelled or unknown
 * shipment does nothing. <b>Thread-safety:</b> implementations must be safe to call from many
 * threads. <b>Errors:</b> {@link LogisticsException} when the carrier refuses or is unreachable.
 *
 * <p>The contract test {@code dev.returnkit.tck.ReturnLogisticsContract} (artifact
 * {@code returns-tck}) checks this for an implementation.
 */
public interface ReturnLogistics {

  /**
   * Arranges (or returns the existing) shipment for a case.
   *
   * @param request what to ship, from whom, how
   * @return the carrier, tracking number, label and drop-off deadline
   * @throws LogisticsException if the carrier refuses or cannot be reached
   */
  ShipmentArrangement arrange(ShipmentRequest request);

  /**
   * Cancels a case's shipment so the label can no longer be used.
   *
   * @param returnId the case
   * @param trackingNumber the shipment to cancel
   * @throws LogisticsException if the carrier cannot be reached
   */
  void cancel(ReturnId returnId, String trackingNumber);
}
